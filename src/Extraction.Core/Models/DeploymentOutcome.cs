using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>How one deployment did for one account, over its attempts.</summary>
/// <param name="Fields">The usable answer, or null.</param>
/// <param name="Reason">Why there is no answer, in words; null with an answer.</param>
/// <param name="StopFallback">True where no other deployment should be asked either (the prompt itself was refused).</param>
/// <param name="DeniedBy">The budget scope that had no room for a call, where one refused it.</param>
public sealed record DeploymentOutcome(ExtractedFields? Fields, string? Reason, bool StopFallback, string? DeniedBy = null);
