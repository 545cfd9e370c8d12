using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Core.Reporting;

namespace Extraction.Core.Evaluation;

/// <summary>Scores a run against gold: accuracy, errors that passed as extracted, review and teacher rates, latency, cost.</summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(string variant, IReadOnlyList<AccountEvaluation> accounts, string? student, string? teacher)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var counts = accounts.Aggregate(StatusCounts.Zero, (c, a) => c.Add(a.Result.Status));
        var answered = accounts.Where(a => a.Result.Fields is not null).ToList();
        var byField = FieldCatalog.All.ToDictionary(
            f => f.Name,
            f => answered.Count == 0 ? 0 : answered.Count(a => Equals(f.Get(a.Result.Fields!), f.Get(a.Gold))) / (double)answered.Count);
        var latencies = accounts.Where(a => a.Result.Attempts > 0).Select(a => a.Result.LatencyMs).Order().ToList();
        return new EvaluationReport(
            variant,
            accounts.Count,
            counts,
            byField.Count == 0 ? 0 : byField.Values.Average(),
            byField,
            ErrorRateAmongExtracted(accounts),
            Rate(counts.NeedsReview, accounts.Count),
            Rate(counts.Failed, accounts.Count),
            teacher is null ? 0 : Rate(accounts.Count(a => a.Attempts.Any(t => t.Model == teacher)), accounts.Count),
            Percentile.Of(latencies, 50),
            Percentile.Of(latencies, 95),
            Percentile.Of(latencies, 99),
            CostPer1000(accounts),
            student is null ? null : CatchRate(accounts, student, teacher),
            accounts.GroupBy(a => a.Result.Model ?? ResultTally.NoModel)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DeploymentReport(g.Key, g.Count(), ErrorRateAmongExtracted([.. g]), CostPer1000([.. g]),
                    Percentile.Of(g.Where(a => a.Result.Attempts > 0).Select(a => a.Result.LatencyMs).Order().ToList(), 95)))
                .ToList());
    }

    private static StudentCatchRate CatchRate(IReadOnlyList<AccountEvaluation> accounts, string student, string? teacher)
    {
        int wrong = 0, caught = 0, right = 0, escalated = 0;
        foreach (var account in accounts)
        {
            var first = account.Attempts.FirstOrDefault(a => a.Model == student && a.Outcome is AttemptOutcomes.Ok or AttemptOutcomes.InvalidOutput);
            if (first is null)
            {
                continue;
            }

            var studentRight = first.Outcome == AttemptOutcomes.Ok && StudentFields(first) == account.Gold;
            if (studentRight)
            {
                right++;
                escalated += account.Result.Status == ResultStatus.NeedsReview || (teacher is not null && account.Attempts.Any(a => a.Model == teacher)) ? 1 : 0;
            }
            else
            {
                wrong++;
                caught += account.Result.Status == ResultStatus.Extracted && !account.IsRight ? 0 : 1;
            }
        }

        return new StudentCatchRate(wrong, caught, right, escalated);
    }

    /// <summary>The fields the student's answer held, read the way the pipeline read them (whatever the provider).</summary>
    private static ExtractedFields? StudentFields(ModelAttempt attempt) =>
        AnswerParser.TryParse(attempt.Answer, out var fields, out _) ? fields : null;

    private static double ErrorRateAmongExtracted(IReadOnlyList<AccountEvaluation> accounts)
    {
        var extracted = accounts.Where(a => a.Result.Status == ResultStatus.Extracted).ToList();
        return Rate(extracted.Count(a => !a.IsRight), extracted.Count);
    }

    private static decimal CostPer1000(IReadOnlyList<AccountEvaluation> accounts) =>
        accounts.Count == 0 ? 0 : accounts.Sum(a => a.Result.CostUsd) / accounts.Count * 1000m;

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
