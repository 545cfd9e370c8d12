using System.CommandLine;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Flywheel;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract models list | promote ID | rollback</c>: the models table, and the student pointer moved by
/// hand — every instance follows within <c>Model:ActiveCacheSeconds</c>, with no redeploy.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext cli)
    {
        var list = new Verb("list", "List every fine-tuning job and its candidate: status, job, deployment, gate figures, and the student now.",
            "extract models list");
        list.Runs(cli, (_, cli, cancellationToken) => WithLifecycleAsync(cli, async (services, output) =>
        {
            var registry = services.GetRequiredService<ModelRegistry>();
            var active = await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"student: {active.Deployment}{(active.ModelId is null ? " (Model:StudentDeployment)" : $" (model {active.ModelId})")}"
                + $"{(active.Shadow is null ? "" : $", shadow: {active.Shadow}")}, {active.History.Count} earlier").ConfigureAwait(false);
            foreach (var model in await registry.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(Describe(model)).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken));

        var id = new Argument<string>("ID") { Description = "the model's id, as `extract models list` shows it" };
        var promote = new Verb("promote", "Make a model that passed the gate (or served before) the student.", "extract models promote ft-20261205-031500-4f2a") { id };
        promote.Runs(cli, (parse, cli, cancellationToken) => WithLifecycleAsync(cli, async (services, output) =>
        {
            var model = await services.GetRequiredService<ModelLifecycle>().PromoteAsync(parse.GetRequiredValue(id), $"{Environment.UserName} (extract models promote)", cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{model.Deployment} (model {model.Id}) is the student.").ConfigureAwait(false);
            return 0;
        }, cancellationToken));

        var rollback = new Verb("rollback", "Make the student before the current one the student again.", "extract models rollback");
        rollback.Runs(cli, (_, cli, cancellationToken) => WithLifecycleAsync(cli, async (services, output) =>
        {
            var active = await services.GetRequiredService<ModelLifecycle>().RollbackAsync($"{Environment.UserName} (extract models rollback)", cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{active.Deployment}{(active.ModelId is null ? "" : $" (model {active.ModelId})")} is the student again.").ConfigureAwait(false);
            return 0;
        }, cancellationToken));

        return new Command("models", "The fine-tuned models: list them, promote one, or roll back to the one before.") { list, promote, rollback };
    }

    public static string Describe(ModelRecord model)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{model.Id}\t{model.Status.Name()}\tjob {model.JobId ?? "-"} ({model.JobStatus ?? "-"})\t{model.Deployment ?? "-"}\texport {model.ExportFolder}\t"
            + $"est. ${model.EstimatedCostUsd:F2}{(model.ActualCostUsd is { } actual ? $", actual ${actual:F2}" : "")}");
        if (model.Gate is { } gate)
        {
            var (next, now) = (gate.Candidate, gate.Current);
            line += string.Create(CultureInfo.InvariantCulture,
                $"\n    gate on {gate.GoldAccounts} gold accounts: error among extracted {next.ErrorAmongExtracted * 100:F2}% vs {now.ErrorAmongExtracted * 100:F2}%, own answers wrong {next.AnswerErrorRate * 100:F2}% vs {now.AnswerErrorRate * 100:F2}%, p95 {next.LatencyP95Ms} vs {now.LatencyP95Ms} ms, ${next.CostPer1000:F4} vs ${now.CostPer1000:F4} per 1,000");
            if (gate.Shadow is { } shadow)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; shadow agreed on every field for {shadow.AllFieldsAgreed * 100:F1}% of {shadow.Accounts - shadow.Unanswered} live accounts");
            }
        }

        return model.Reason is null ? line : $"{line}\n    {model.Reason}";
    }

    /// <summary>Runs <paramref name="work"/> on a session; a refusal of the loop (nothing to roll back to, an unknown id) is a message and exit code 1.</summary>
    internal static async Task<int> WithLifecycleAsync(CliContext cli, Func<IServiceProvider, TextWriter, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(session.Services, cli.Output).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException)
        {
            await cli.Progress.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
