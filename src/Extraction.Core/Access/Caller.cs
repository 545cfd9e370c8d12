namespace Extraction.Core.Access;

/// <summary>
/// Who a request proved it is. <paramref name="Partners"/> is the reviewer's scope (<c>*</c> for every partner);
/// a partner's scope is itself.
/// </summary>
public sealed record Caller(CallerKind Kind, string Name, IReadOnlyList<string> Partners, string KeyId)
{
    public const string AllPartners = "*";

    public static Caller Partner(string partner, string keyId) => new(CallerKind.Partner, partner, [partner], keyId);

    /// <summary>Whether this caller may review (correct) accounts of <paramref name="partner"/>.</summary>
    public bool Reviews(string partner) =>
        Kind == CallerKind.Reviewer && (Partners.Contains(AllPartners) || Partners.Contains(partner, StringComparer.Ordinal));
}
