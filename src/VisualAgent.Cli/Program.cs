using System.CommandLine;
using VisualAgent.Cli.Commands;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;

var root = new RootCommand("""
    visual-agent: operates web and desktop interfaces from screenshots, as a person would.
    It looks at the screen, asks a vision-language model (or, offline, OCR) where things are, acts, checks and
    records every step under runs/.
    Exit codes: 0 success, 1 task failed, 2 bad usage or input, 3 model unreachable or unusable reply,
    4 blocked by policy, 5 missing system package/browser/OCR data, 6 browser or page error, 70 internal error,
    130 stopped (Ctrl-C); `run` stopped by SIGTERM exits 143 and by SIGHUP 129, its run ended "interrupted".
    """);
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.Verbose);
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        CliOutput.Error(error.Message);
    }

    CliOutput.Info("Run 'visual-agent --help' (or 'visual-agent VERB --help') for usage.");
    return ExitCodes.Usage;
}

// `run` handles Ctrl-C itself (the first press pauses at a terminal); other verbs stop within 2 s.
var invocation = new InvocationConfiguration
{
    ProcessTerminationTimeout = parse.CommandResult.Command.Name == "run" ? null : TimeSpan.FromSeconds(2),
};
return await parse.InvokeAsync(invocation).ConfigureAwait(false);
