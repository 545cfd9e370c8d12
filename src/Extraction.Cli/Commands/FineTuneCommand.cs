using System.CommandLine;
using Extraction.Cli.CommandLine;
using Extraction.Core.Flywheel;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract finetune start [--export FOLDER]</c> uploads an export's files and creates the job;
/// <c>extract finetune poll</c> is the timer's step: jobs followed, candidates deployed, gated, promoted.
/// </summary>
internal static class FineTuneCommand
{
    public static Command Create(CliContext cli)
    {
        var export = new Option<string?>("--export") { Description = "the export's folder in the training container (default: the newest)", HelpName = "FOLDER" };
        var start = new Verb("start", "Upload an export's train and validation files and create a fine-tuning job on Training:BaseModel.",
            "extract finetune start",
            "extract finetune start --export 20261204T000000Z_20261205T000000Z --Training:BaseModel=gpt-4.1-mini-2025-04-14")
        {
            export,
        };
        start.Runs(cli, (parse, cli, cancellationToken) => ModelsCommand.WithLifecycleAsync(cli, async (services, output) =>
        {
            var model = await services.GetRequiredService<ModelLifecycle>().StartAsync(parse.GetValue(export), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(ModelsCommand.Describe(model)).ConfigureAwait(false);
            return model.Status == ModelState.Failed ? 1 : 0;
        }, cancellationToken));

        var poll = new Verb("poll", "One step of the loop, as the timer runs it: follow open jobs, deploy finished ones, gate and promote candidates.",
            "extract finetune poll");
        poll.Runs(cli, (_, cli, cancellationToken) => ModelsCommand.WithLifecycleAsync(cli, async (services, output) =>
        {
            var moved = await services.GetRequiredService<ModelLifecycle>().AdvanceAsync(cancellationToken).ConfigureAwait(false);
            foreach (var model in moved)
            {
                await output.WriteLineAsync(ModelsCommand.Describe(model)).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{moved.Count} open model(s) looked at.").ConfigureAwait(false);
            return 0;
        }, cancellationToken));

        return new Command("finetune", "Fine-tune the student on an export, and move open jobs along the loop.") { start, poll };
    }
}
