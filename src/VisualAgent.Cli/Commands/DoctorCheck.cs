namespace VisualAgent.Cli.Commands;

/// <summary>
/// One line of `doctor`: what was checked, ok / warning / missing, and a detail that says what to do when it is not ok.
/// <paramref name="Required"/> checks (packages, browser, OCR, the shim) make the machine not ready; model checks do not.
/// <paramref name="Model"/> names the profile of a model endpoint that can be used now (it answered).
/// </summary>
internal sealed record DoctorCheck(string Name, string Status, string Detail, bool Required, string? Model = null)
{
    public const string Ok = "ok";

    public const string Warning = "warning";

    public const string Missing = "missing";
}
