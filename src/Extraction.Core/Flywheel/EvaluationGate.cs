using System.Globalization;
using Extraction.Core.Activities;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Evaluation;
using Extraction.Core.Models;
using Extraction.Core.Quota;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// Runs the current student and the candidate side by side — each alone, no teacher, the same checks —
/// on the gold set, scores both as <c>extract eval</c> does (<see cref="Evaluator"/>), and passes the
/// candidate only if its error among <c>extracted</c> and its own answers' error are no worse (within
/// <c>Training:Gate:Max…Increase</c>) and its p95 latency and cost per 1,000 are within their margins.
/// Each side spends from half of <c>Training:Gate:MaxCostUsd</c>; an account left unanswered by the budget
/// makes the gate refuse (undecided), never pass.
/// </summary>
[Singleton]
public sealed class EvaluationGate(
    StudentTeacherModel model, GoldSet gold, ShadowLedger shadow, IOptions<TrainingOptions> options, IOptions<BudgetOptions> budgetOptions, TimeProvider time, ILogger<EvaluationGate> logger)
{
    public async Task<GateDecision> DecideAsync(string modelId, string current, string candidate, CancellationToken cancellationToken = default)
    {
        var settings = options.Value.Gate;
        var set = await gold.LoadAsync(cancellationToken).ConfigureAwait(false);
        // Each side its own half of the budget, in scopes of this run only (a gate run again starts afresh).
        var run = time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        BudgetScope Scope(string side) =>
            new($"gate|{modelId}|{run}|{side}", $"the evaluation gate budget of {modelId} for the {side}", Nano.FromUsd(settings.MaxCostUsd / 2));
        var (now, nowUnanswered) = await RunAsync(current, set, Scope("current student"), cancellationToken).ConfigureAwait(false);
        var (next, nextUnanswered) = await RunAsync(candidate, set, Scope("candidate"), cancellationToken).ConfigureAwait(false);
        var agreement = await shadow.AgreementAsync(candidate, cancellationToken).ConfigureAwait(false);

        var reasons = GateRules.Judge(now, next, set.Count, settings);
        if (nowUnanswered + nextUnanswered > 0)
        {
            reasons.Add($"the gate's budget ran out before every account was answered ({nowUnanswered} for the current student, {nextUnanswered} for the candidate; Training:Gate:MaxCostUsd)");
        }
        var decision = new GateDecision(reasons.Count == 0, reasons, set.Count, now, next, agreement, time.GetUtcNow());
        logger.LogInformation(
            "Gate on {Candidate} against {Current} over {Accounts} gold accounts: {Verdict}",
            candidate, current, set.Count, decision.Passed ? "passed" : $"refused ({reasons.Count} reasons)");
        return decision;
    }

    /// <returns>The figures, and how many accounts the budget left unanswered.</returns>
    private async Task<(GateFigures Figures, int OverBudget)> RunAsync(string deployment, List<GoldItem> set, BudgetScope scope, CancellationToken cancellationToken)
    {
        var accounts = new AccountEvaluation[set.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Gate.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, set.Count), parallel, async (i, token) =>
        {
            var context = new AccountContext([scope], time.GetUtcNow().AddMilliseconds(budgetOptions.Value.AccountDeadlineMs)) { Lane = CallLane.Background };
            var answer = await model.ExtractAsync(set[i].Item, context, new ModelRoute(deployment, Teacher: null), token).ConfigureAwait(false);
            accounts[i] = new AccountEvaluation(ResultFactory.FromAnswer(set[i].Item.AccountId, answer, rawOutput: ""), set[i].Gold, answer.Attempts);
        }).ConfigureAwait(false);

        var report = Evaluator.Evaluate(deployment, accounts, deployment, teacher: null);
        // Alone, the deployment's answer is the result's fields: an account it did not answer (throttled,
        // timed out, unusable) counts as wrong, so a deployment that cannot keep up cannot look better.
        var wrong = accounts.Count(a => a.Result.Fields != a.Gold);
        var figures = new GateFigures(
            deployment, accounts.Length, accounts.Length == 0 ? 1 : (double)wrong / accounts.Length,
            report.DocumentErrorRateAmongExtracted, report.ReviewRate, report.FieldAccuracy, report.LatencyP95Ms, report.CostPer1000);
        return (figures, accounts.Count(a => a.Result.Status == Contracts.ResultStatus.OverBudget));
    }
}
