using VisualAgent.Agent.Policy;
using VisualAgent.Errors;

namespace VisualAgent.Tests.Policy;

public sealed class SecretsTests
{
    [Fact]
    public void Resolve_KnownSecret_ReplacesAndMasksFromThenOn()
    {
        var masker = new SecretMasker();
        var resolver = new SecretResolver(masker, n => n == "PW" ? "hunter2" : null);

        var typed = resolver.Resolve("pw={{secret:PW}}!");

        Assert.Equal("pw=hunter2!", typed);
        Assert.Equal("log: *** and \"***\"", masker.Apply("log: hunter2 and \"hunter2\""));
    }

    [Fact]
    public void Resolve_MissingVariable_ThrowsUsageNamingIt()
    {
        var resolver = new SecretResolver(new SecretMasker(), _ => null);

        var e = Assert.Throws<UsageException>(() => resolver.Resolve("{{secret:DB_PASSWORD}}"));

        Assert.Contains("DB_PASSWORD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_JsonAndHtmlEscapedForms_AreMaskedToo()
    {
        var masker = new SecretMasker();
        masker.Add("a\"b<c>&d\\e");

        Assert.Equal("{\"text\":\"***\"}", masker.Apply("{\"text\":\"a\\\"b<c>&d\\\\e\"}"));
        Assert.Equal("<pre>***</pre>", masker.Apply("<pre>a&quot;b&lt;c&gt;&amp;d\\e</pre>"));
    }

    [Theory]
    [InlineData("{{secret:A}}", true, true)]
    [InlineData(" {{ secret : A_1 }} ", true, true)]
    [InlineData("x {{secret:A}}", true, false)]
    [InlineData("{{A}}", false, false)]
    public void ContainsSecretAndIsReference_RecogniseThePlaceholder(string text, bool contains, bool reference)
    {
        Assert.Equal(contains, SecretResolver.ContainsSecret(text));
        Assert.Equal(reference, SecretResolver.IsSecretReference(text));
    }

    [Theory]
    [InlineData("y\n", true)]
    [InlineData("YES\n", true)]
    [InlineData("\n", false)]
    [InlineData("", false)]
    [InlineData("no\n", false)]
    public async Task ConsoleConfirmationPrompt_Answers_OnlyYesGoesAhead(string input, bool expected)
    {
        using var output = new StringWriter();
        var prompt = new ConsoleConfirmationPrompt(new StringReader(input), output);

        var answer = await prompt.ConfirmAsync("clicking \"Delete\" is risky", TestContext.Current.CancellationToken);

        Assert.Equal(expected, answer);
        Assert.Contains("[y/N]", output.ToString(), StringComparison.Ordinal);
    }
}
