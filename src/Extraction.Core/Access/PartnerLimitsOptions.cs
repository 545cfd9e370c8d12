using System.ComponentModel.DataAnnotations;
using Extraction.Core.Contracts;

namespace Extraction.Core.Access;

/// <summary>
/// How much one partner may ask of the service. Section <c>Limits</c>; <c>Limits:Partners:{partner}:…</c> overrides a
/// partner's. Requests per minute are counted per instance (a partner may reach the limit on each of the app's
/// instances: Bicep's <c>maximumInstanceCount</c> times it in all); batches in flight are counted in the task hub, so
/// that limit is shared by every instance. The defaults are far above anything the benchmarks send.
/// </summary>
public sealed class PartnerLimitsOptions : IValidatableObject
{
    public const string Section = "Limits";

    [Range(1, 100_000_000)]
    public int RequestsPerMinute { get; set; } = 600_000;

    [Range(1, 1_000_000)]
    public int BatchesInFlight { get; set; } = 1_000;

    public Dictionary<string, PartnerLimit> Partners { get; set; } = new(StringComparer.Ordinal);

    public int RequestsPerMinuteOf(string partner) => Partners.TryGetValue(partner, out var own) && own.RequestsPerMinute is { } rpm ? rpm : RequestsPerMinute;

    public int BatchesInFlightOf(string partner) => Partners.TryGetValue(partner, out var own) && own.BatchesInFlight is { } batches ? batches : BatchesInFlight;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (partner, limit) in Partners)
        {
            if (!BatchRef.IsValidPartner(partner))
            {
                yield return new ValidationResult($"Limits:Partners:{partner} names no valid partner: {BatchRef.PartnerRule}.", [nameof(Partners)]);
            }

            if (limit.RequestsPerMinute is < 1 || limit.BatchesInFlight is < 1)
            {
                yield return new ValidationResult($"Limits:Partners:{partner}: RequestsPerMinute and BatchesInFlight are at least 1.", [nameof(Partners)]);
            }
        }
    }
}

public sealed class PartnerLimit
{
    public int? RequestsPerMinute { get; set; }

    public int? BatchesInFlight { get; set; }
}
