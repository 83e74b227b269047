using VisualAgent.Agent;
using VisualAgent.Vision.Adapters;

namespace VisualAgent.Hosting;

/// <summary>
/// The one place an <see cref="AgentRunner"/> is assembled (the CLI's run verb and the bench's task runner): the
/// parts of <see cref="AgentSetup"/> plus the Vision layer's imaging services — pixel change for verification,
/// masking of sensitive fields in saved screenshots, and the annotated copy of each shot.
/// </summary>
public static class AgentFactory
{
    public static AgentRunner Create(AgentSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new AgentRunner(
            setup.Driver, setup.Planner, setup.Grounder, setup.Store, setup.Options, setup.Policy, setup.Prompt, setup.Secrets,
            screenshotMasker: new VisionScreenshotMasker(), screenChange: new PixelScreenChangeDetector(),
            annotator: new VisionScreenshotAnnotator(), logger: setup.Logger)
        {
            StepRecorded = setup.StepRecorded,
            RunCreated = setup.RunCreated,
            Pause = setup.Pause ?? NoPauseController.Instance,
        };
    }
}
