using System.Collections.Concurrent;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Commands;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Extraction.Cli;

/// <summary>The <c>extract</c> verbs, with clear errors and exit codes: 0 done, 1 failed, 2 usage or configuration.</summary>
public static class CliApp
{
    private const string TopLevelNotes = """
        Configuration: appsettings.json beside the app, then environment variables (Model__Provider=rules),
        then --Section:Key=value on the command line (e.g. --Batch:ChunkSize=50). A key that no options
        class binds is refused, as is an unknown option.

        Exit codes: 0 done; 1 the work failed (a batch ended failed, a check did not hold, storage did not
        answer, cancelled); 2 usage or configuration (an unknown verb or option, a bad value, a missing file).

        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);

        var (rest, overrides, problems) = ConfigOverrides.Split(args);
        var root = Build(new CliContext(output, errors, overrides));
        var parse = root.Parse(rest);
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = errors,
            // Our own handlers below: their messages and exit codes are documented, the library's are not.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };

        // Asking for help is never a usage error; anything else wrong stops here, before any work starts.
        var refused = parse.Action is HelpAction or ExamplesHelpAction ? []
            : args.Length == 0 ? ["extract needs a command."]
            : problems.Concat(ParseProblems.Describe(parse)).ToList();
        if (refused.Count > 0)
        {
            await errors.WriteLineAsync($"{string.Join('\n', refused)}\nSee '{HelpCommand(parse)}'.").ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        _ = Sigterm.Value;
        Running.TryAdd(cancel, 0);

        try
        {
            return await parse.InvokeAsync(invocation, cancel.Token).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return await WriteAsync(errors, $"{ex.Message}\nSee '{HelpCommand(parse)}'.", 2).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            return await WriteAsync(errors, $"Configuration is not valid:\n  {string.Join("\n  ", ex.Failures)}", 2).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            return await WriteAsync(errors, $"Configuration is not valid:\n  {string.Join("\n  ", failures)}", 2).ConfigureAwait(false);
        }
        // The Durable client's gRPC calls report the same cancellation as RpcException(Cancelled), not as an
        // OperationCanceledException: left unhandled, SIGTERM mid-poll aborted the process (exit 134).
        catch (Exception ex) when (cancel.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return await WriteAsync(errors, "Cancelled. Run the same command again to resume.", 1).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Local.TaskHubUnreachableException or Local.BatchIdTakenException or Core.Storage.StorageUnavailableException)
        {
            return await WriteAsync(errors, ex.Message, 1).ConfigureAwait(false);
        }
        catch (FileNotFoundException ex)
        {
            return await WriteAsync(errors, ex.Message, 1).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
            Running.TryRemove(cancel, out _);
        }
    }

    /// <summary>The runs in this process a SIGTERM stops.</summary>
    private static readonly ConcurrentDictionary<CancellationTokenSource, byte> Running = new();

    /// <summary>
    /// timeout, docker stop and CI send SIGTERM: the same orderly stop as Ctrl+C, leaving a resumable state. Handled for
    /// the life of the process, not of a run: a SIGTERM that lands while a finished run is ending must not take the
    /// runtime's default (exit 143, seen once in the chaos run as the signal met the end of a 150-account batch).
    /// </summary>
    private static readonly Lazy<PosixSignalRegistration> Sigterm = new(() => PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        foreach (var run in Running.Keys)
        {
            try
            {
                run.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // That run ended between the snapshot and now.
            }
        }
    }));

    /// <summary>Every verb, with its options, help and action.</summary>
    internal static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand("extract — liability data extraction, run locally on the production orchestration code.")
        {
            HelpName = "extract", // also when hosted by another process (the tests)
        };
        foreach (var verb in new Command[]
        {
            RunCommand.Create(cli),
            VerifyCommand.Create(cli),
            WorkerCommand.Create(cli),
            GenerateCommand.Create(cli),
            EvalCommand.Create(cli),
            EvalChecksCommand.Create(cli),
            ReviewCommand.Create(cli),
            KeysCommand.Partners(cli),
            KeysCommand.Reviewers(cli),
            ExportTrainingCommand.Create(cli),
            FineTuneCommand.Create(cli),
            ModelsCommand.Create(cli),
            ServeCommand.Create(cli),
            BenchCommand.Create(cli),
            BenchExportCommand.Create(cli),
            BenchRealtimeCommand.Create(cli),
            BenchBesideCommand.Create(cli),
            BenchBudgetCommand.Create(cli),
            BenchServeMemoryCommand.Create(cli),
        })
        {
            root.Subcommands.Add(verb);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((SynchronousCommandLineAction)help.Action!, TopLevelNotes);
        return root;
    }

    private static string HelpCommand(ParseResult parse) => $"{ParseProblems.Name(parse.CommandResult.Command)} --help";

    private static async Task<int> WriteAsync(TextWriter writer, string text, int exitCode)
    {
        await writer.WriteLineAsync(text).ConfigureAwait(false);
        return exitCode;
    }
}

/// <summary>The command line is wrong in a way only the verb can see: say what, point at the help, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
