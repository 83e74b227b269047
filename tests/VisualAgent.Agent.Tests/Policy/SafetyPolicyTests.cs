using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Policy;

public sealed class SafetyPolicyTests
{
    private static readonly SafetyPolicy Policy = new(new PolicyOptions { AllowedOrigins = ["*.example.com", "https://api.other.org"] }, "https://shop.test:8443/cart");

    [Theory]
    [InlineData("https://shop.test:8443/orders", PolicyVerdict.Allow)]
    [InlineData("http://localhost:5000/x", PolicyVerdict.Allow)]
    [InlineData("http://127.0.0.1:9/", PolicyVerdict.Allow)]
    [InlineData("https://www.example.com/", PolicyVerdict.Allow)]
    [InlineData("https://example.com/", PolicyVerdict.Allow)]
    [InlineData("https://api.other.org/v1", PolicyVerdict.Allow)]
    [InlineData("http://api.other.org/v1", PolicyVerdict.Deny)]
    [InlineData("https://shop.test/orders", PolicyVerdict.Deny)]
    [InlineData("https://evil.com/?x=example.com", PolicyVerdict.Deny)]
    [InlineData("https://example.com.evil.com/", PolicyVerdict.Deny)]
    [InlineData("file:///etc/passwd", PolicyVerdict.Deny)]
    public void CheckNavigation_Origins_AllowedOrDenied(string url, PolicyVerdict verdict)
    {
        Assert.Equal(verdict, Policy.CheckNavigation(url).Verdict);
    }

    [Fact]
    public void CheckNavigation_ConfirmLeavingOrigins_AsksInsteadOfDenying()
    {
        var policy = new SafetyPolicy(new PolicyOptions { ConfirmLeavingOrigins = true }, "http://localhost/");

        Assert.Equal(PolicyVerdict.NeedsConfirmation, policy.CheckNavigation("https://elsewhere.org/").Verdict);
    }

    [Theory]
    [InlineData("Delete account", PolicyVerdict.NeedsConfirmation)]
    [InlineData("the Pay now button", PolicyVerdict.NeedsConfirmation)]
    [InlineData("Send money", PolicyVerdict.NeedsConfirmation)]
    [InlineData("Proceed to checkout", PolicyVerdict.NeedsConfirmation)]
    [InlineData("D\u0435lete account", PolicyVerdict.NeedsConfirmation)]
    [InlineData("\u0420\u0430y now", PolicyVerdict.NeedsConfirmation)]
    [InlineData("\uFF24\uFF45\uFF4C\uFF45\uFF54\uFF45", PolicyVerdict.NeedsConfirmation)]
    [InlineData("\U0001D403\U0001D41E\U0001D425\U0001D41E\U0001D42D\U0001D41E", PolicyVerdict.NeedsConfirmation)]
    [InlineData("De\u200Blete", PolicyVerdict.NeedsConfirmation)]
    [InlineData("Del\u00ADete", PolicyVerdict.NeedsConfirmation)]
    [InlineData("\u0455end m\u03BFney", PolicyVerdict.NeedsConfirmation)]
    [InlineData("Save profile", PolicyVerdict.Allow)]
    [InlineData("Display settings", PolicyVerdict.Allow)]
    [InlineData("Export CSV", PolicyVerdict.Allow)]
    public void Check_Click_RiskyWordsNeedConfirmation(string target, PolicyVerdict verdict)
    {
        Assert.Equal(verdict, Policy.Check(new StepIntent(StepVerb.Click) { Target = target }, null, "https://shop.test:8443/").Verdict);
    }

    [Fact]
    public void Check_TypingTextWithARiskyWord_IsNotAPurchase()
    {
        var field = new ElementFacts { Role = "textbox", Name = "New to-do" };

        var decision = Policy.Check(new StepIntent(StepVerb.Type) { Target = "the New to-do field", Value = "buy milk and delete old notes" }, field, "https://shop.test:8443/");

        Assert.Equal(PolicyVerdict.Allow, decision.Verdict);
    }

    [Fact]
    public void Check_ClickingBuyNow_IsRisky()
    {
        var decision = Policy.Check(new StepIntent(StepVerb.Click) { Target = "Buy now" }, new ElementFacts { Role = "button", Name = "Buy now" }, "https://shop.test:8443/");

        Assert.Equal(PolicyVerdict.NeedsConfirmation, decision.Verdict);
    }

    [Theory]
    [InlineData("link", "Password help", null)]
    [InlineData("textbox", "PIN", null)]
    [InlineData("textbox", "", "Enter your passcode")]
    public void Check_TypeLiteralIntoAnyPasswordLikeElement_NeedsConfirmation(string role, string name, string? placeholder)
    {
        var hit = new ElementFacts { Role = role, Name = name, Placeholder = placeholder };

        var decision = Policy.Check(new StepIntent(StepVerb.Type) { Target = "the box", Value = "wonderland" }, hit, "https://shop.test:8443/");

        Assert.Equal(PolicyVerdict.NeedsConfirmation, decision.Verdict);
    }

    [Fact]
    public void Check_TypeLiteralIntoPasswordField_NeedsConfirmation()
    {
        var facts = new ElementFacts { InputType = "password" };

        var literal = Policy.Check(new StepIntent(StepVerb.Type) { Target = "the box", Value = "wonderland" }, facts, "https://shop.test:8443/");
        var secret = Policy.Check(new StepIntent(StepVerb.Type) { Target = "the box", Value = "{{secret:PW}}" }, facts, "https://shop.test:8443/");

        Assert.Equal(PolicyVerdict.NeedsConfirmation, literal.Verdict);
        Assert.Equal(PolicyVerdict.Allow, secret.Verdict);
    }

    [Fact]
    public void Check_TypeSecretOnForeignOrigin_Denied()
    {
        var decision = Policy.Check(new StepIntent(StepVerb.Type) { Target = "Token", Value = "{{secret:PW}}" }, null, "https://phish.net/login");

        Assert.Equal(PolicyVerdict.Deny, decision.Verdict);
    }

    [Fact]
    public void Check_PasswordTypingOff_Allows()
    {
        var policy = new SafetyPolicy(new PolicyOptions { ConfirmPasswordTyping = false, ConfirmUploads = false });

        Assert.Equal(PolicyVerdict.Allow, policy.Check(new StepIntent(StepVerb.Type) { Target = "the Password field", Value = "x" }, null, null).Verdict);
        Assert.Equal(PolicyVerdict.Allow, policy.Check(new StepIntent(StepVerb.Upload) { Target = "File", Value = "a.txt" }, null, null).Verdict);
    }

    [Theory]
    [InlineData(NativeDialogKind.Confirm, "Delete 3 orders?", PolicyVerdict.NeedsConfirmation)]
    [InlineData(NativeDialogKind.Confirm, "Leave this page?", PolicyVerdict.Allow)]
    [InlineData(NativeDialogKind.Alert, "Item removed", PolicyVerdict.Allow)]
    public void CheckDialog_RiskyConfirm_NeedsConfirmation(NativeDialogKind kind, string message, PolicyVerdict verdict)
    {
        Assert.Equal(verdict, Policy.CheckDialog(new NativeDialog(kind, message, null)).Verdict);
    }

    [Fact]
    public void Validate_EmptyRiskyWord_ThrowsUsage()
    {
        Assert.Throws<UsageException>(() => new SafetyPolicy(new PolicyOptions { RiskyWords = ["delete", " "] }));
    }
}
