namespace Extraction.Core.Evaluation;

/// <summary>The accounts a deployment's answer was used for.</summary>
public sealed record DeploymentReport(string Deployment, int Accounts, double DocumentErrorRateAmongExtracted, decimal CostPer1000, long LatencyP95Ms);
