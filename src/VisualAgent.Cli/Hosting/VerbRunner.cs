using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Errors;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Hosting;

/// <summary>Everything a verb needs: the parse result, configuration, a logger factory.</summary>
internal sealed class VerbContext(ParseResult parse, IConfigurationRoot configuration, ILoggerFactory loggers)
{
    public ParseResult Parse { get; } = parse;

    public IConfigurationRoot Configuration { get; } = configuration;

    public ILoggerFactory Loggers { get; } = loggers;

    public bool Json => Parse.GetValue(CommonOptions.Json);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);
}

/// <summary>Wraps a verb's body: loads configuration, maps errors to exit codes and one-line messages.</summary>
internal static class VerbRunner
{
    public static void SetHandler(this Command command, Func<VerbContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => RunAsync(parse, body, ct));

    private static async Task<int> RunAsync(ParseResult parse, Func<VerbContext, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        using var loggers = LoggerFactory.Create(b =>
        {
            b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
            b.SetMinimumLevel(parse.GetValue(CommonOptions.Verbose) ? LogLevel.Debug : LogLevel.Warning);
            b.AddFilter("Microsoft", LogLevel.Warning);
        });
        try
        {
            var configuration = AppConfiguration.Load(parse.GetValue(CommonOptions.Config));
            return await body(new VerbContext(parse, configuration, loggers), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            CliOutput.Error("stopped by the user (Ctrl-C).");
            return ExitCodes.Interrupted;
        }
        catch (VisualAgentException ex)
        {
            CliOutput.Error(ex.Message);
            return ex.ExitCode;
        }
        catch (InvalidOperationException ex) when (ex.Source == typeof(ConfigurationBinder).Assembly.GetName().Name)
        {
            // A setting of the wrong type ("MaxSteps": "many") is the user's configuration, not a bug.
            CliOutput.Error($"a setting is invalid: {ex.Message} Fix it in appsettings.json, the file given by --config, or its {AppConfiguration.EnvironmentPrefix} environment variable.");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CliOutput.Error($"{ex.Message} Check the path and its permissions.");
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            CliOutput.Error($"unexpected {ex.GetType().Name}: {ex.Message} (rerun with --verbose for details; please report it).");
            if (parse.GetValue(CommonOptions.Verbose))
            {
                Console.Error.WriteLine(ex);
            }

            return ExitCodes.Internal;
        }
    }
}
