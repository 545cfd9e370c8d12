using Extraction.Core.Activities;

namespace Extraction.Core.Evaluation;

/// <summary>One configuration's quality, speed and cost on a gold set.</summary>
public sealed record EvaluationReport(
    string Variant,
    int Accounts,
    StatusCounts Counts,
    double FieldAccuracy,
    IReadOnlyDictionary<string, double> FieldAccuracyByField,
    double DocumentErrorRateAmongExtracted,
    double ReviewRate,
    double FailedRate,
    double TeacherCallRate,
    long LatencyP50Ms,
    long LatencyP95Ms,
    long LatencyP99Ms,
    decimal CostPer1000,
    StudentCatchRate? Student,
    IReadOnlyList<DeploymentReport> ByDeployment);
