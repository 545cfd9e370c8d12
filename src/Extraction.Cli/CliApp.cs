using System.Runtime.InteropServices;
using Extraction.Cli.Commands;
using Microsoft.Extensions.Options;

namespace Extraction.Cli;

/// <summary>The <c>extract</c> verbs, with clear errors and exit codes: 0 done, 1 failed, 2 usage or configuration.</summary>
public static class CliApp
{
    private const string Help = $"""
        extract — liability data extraction, run locally on the production orchestration code.

          {RunCommand.Usage}
          {VerifyCommand.Usage}
          {WorkerCommand.Usage}
          {GenerateCommand.Usage}
          {EvalCommand.Usage}
          {ReviewCommand.Usage}
          {ExportTrainingCommand.Usage}
          {ServeCommand.Usage}
          {BenchCommand.Usage}
          {BenchExportCommand.Usage}
          {BenchRealtimeCommand.Usage}
          {BenchBudgetCommand.Usage}

        Configuration: appsettings.json, then environment (Model__Provider=rules), then --Section:Key=value.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        // timeout, docker stop and CI send SIGTERM: the same orderly stop as Ctrl+C, leaving a resumable state.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

        try
        {
            var parsed = CliArgs.Parse(args);
            return parsed.Verb switch
            {
                "run" => await RunCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "verify" => await VerifyCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "worker" => await WorkerCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "generate" => await GenerateCommand.RunAsync(parsed, output, cancel.Token).ConfigureAwait(false),
                "eval" => await EvalCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "export-training" => await ExportTrainingCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "review" => await ReviewCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "bench-budget" => await BenchBudgetCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "bench-realtime" => await BenchRealtimeCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "bench-export" => await BenchExportCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "serve" => await ServeCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "bench" => await BenchCommand.RunAsync(parsed, output, errors, cancel.Token).ConfigureAwait(false),
                "help" or "--help" or "-h" => await WriteAsync(output, Help, 0).ConfigureAwait(false),
                _ => throw new UsageException($"Unknown command '{parsed.Verb}'."),
            };
        }
        catch (UsageException ex)
        {
            return await WriteAsync(errors, $"{ex.Message}\n\n{Help}", 2).ConfigureAwait(false);
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
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
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
        }
    }

    private static async Task<int> WriteAsync(TextWriter writer, string text, int exitCode)
    {
        await writer.WriteLineAsync(text).ConfigureAwait(false);
        return exitCode;
    }
}
