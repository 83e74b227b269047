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
    public void Resolve_NameTheUserDidNotDeclare_BlockedAndNeverLookedUp()
    {
        var looked = new List<string>();
        var resolver = new SecretResolver(new SecretMasker(), n => { looked.Add(n); return "value-of-" + n; }, declared: ["PW"]);

        var e = Assert.Throws<PolicyBlockedException>(() => resolver.Resolve("{{secret:OPENAI_API_KEY}}"));

        Assert.Contains("not a secret of this run", e.Message, StringComparison.Ordinal);
        Assert.Empty(looked);
        Assert.Equal("value-of-PW", resolver.Resolve("{{secret:PW}}"));
    }

    [Fact]
    public void EnsureDeclaredAvailable_TwoMissing_NamesBothAndMasksThePresentOneAtOnce()
    {
        var masker = new SecretMasker();
        var resolver = new SecretResolver(masker, n => n == "PW" ? "hunter2" : null, declared: ["PW", "TOKEN", "DB_PASSWORD"]);

        var e = Assert.Throws<UsageException>(resolver.EnsureDeclaredAvailable);

        Assert.Contains("DB_PASSWORD, TOKEN are not set", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was done", e.Message, StringComparison.Ordinal);
        Assert.Equal("echo ***", masker.Apply("echo hunter2"));
    }

    [Theory]
    [InlineData("{{secret:OPENAI_API_KEY}}")]
    [InlineData("my key is {{ secret:HOME }}")]
    public void RefuseInModelText_SecretReference_Blocked(string text)
    {
        var e = Assert.Throws<PolicyBlockedException>(() => SecretResolver.RefuseInModelText(text));

        Assert.Contains("never from a model's reply", e.Message, StringComparison.Ordinal);
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
