using System.Globalization;
using Extraction.Core.Activities;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Evaluation;
using Extraction.Core.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// Runs the current student and the candidate side by side — each alone, no teacher, the same checks —
/// on the gold set, scores both as <c>extract eval</c> does (<see cref="Evaluator"/>), and passes the
/// candidate only if its error among <c>extracted</c> and its own answers' error are no worse (within
/// <c>Training:Gate:Max…Increase</c>) and its p95 latency and cost per 1,000 are within their margins.
/// Both runs spend from one budget scope per candidate (<c>Training:Gate:MaxCostUsd</c>).
/// </summary>
[Singleton]
public sealed class EvaluationGate(
    StudentTeacherModel model, GoldSet gold, ShadowLedger shadow, IOptions<TrainingOptions> options, IOptions<BudgetOptions> budgetOptions, TimeProvider time, ILogger<EvaluationGate> logger)
{
    public async Task<GateDecision> DecideAsync(string modelId, string current, string candidate, CancellationToken cancellationToken = default)
    {
        var settings = options.Value.Gate;
        var set = await gold.LoadAsync(cancellationToken).ConfigureAwait(false);
        var scope = new BudgetScope($"gate|{modelId}", $"the evaluation gate budget of {modelId}", Nano.FromUsd(settings.MaxCostUsd));
        var now = await RunAsync(current, set, scope, cancellationToken).ConfigureAwait(false);
        var next = await RunAsync(candidate, set, scope, cancellationToken).ConfigureAwait(false);
        var agreement = await shadow.AgreementAsync(candidate, cancellationToken).ConfigureAwait(false);

        var reasons = GateRules.Judge(now, next, set.Count, settings);
        var decision = new GateDecision(reasons.Count == 0, reasons, set.Count, now, next, agreement, time.GetUtcNow());
        logger.LogInformation(
            "Gate on {Candidate} against {Current} over {Accounts} gold accounts: {Verdict}",
            candidate, current, set.Count, decision.Passed ? "passed" : $"refused ({reasons.Count} reasons)");
        return decision;
    }

    private async Task<GateFigures> RunAsync(string deployment, List<GoldItem> set, BudgetScope scope, CancellationToken cancellationToken)
    {
        var accounts = new AccountEvaluation[set.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Gate.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, set.Count), parallel, async (i, token) =>
        {
            var context = new AccountContext([scope], time.GetUtcNow().AddMilliseconds(budgetOptions.Value.AccountDeadlineMs));
            var answer = await model.ExtractAsync(set[i].Item, context, new ModelRoute(deployment, Teacher: null), token).ConfigureAwait(false);
            accounts[i] = new AccountEvaluation(ResultFactory.FromAnswer(set[i].Item.AccountId, answer, rawOutput: ""), set[i].Gold, answer.Attempts);
        }).ConfigureAwait(false);

        var report = Evaluator.Evaluate(deployment, accounts, deployment, teacher: null);
        var answers = report.Student is { } s ? s.WrongAnswers + s.RightAnswers : 0;
        return new GateFigures(
            deployment, accounts.Length,
            answers == 0 ? 1 : (double)report.Student!.WrongAnswers / answers,
            report.DocumentErrorRateAmongExtracted, report.ReviewRate, report.FieldAccuracy, report.LatencyP95Ms, report.CostPer1000);
    }
}
