namespace Extraction.Core.Access;

/// <summary>A key's record, without its secret: what <c>extract partners list</c> shows.</summary>
public sealed record StoredCredential(
    CallerKind Kind, string Id, string Name, IReadOnlyList<string> Partners, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public string Prefix => ApiKey.PrefixOf(Kind, Id);

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);

    public string StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? "revoked"
        : ExpiresAt is { } expires ? (now < expires ? $"expires {expires:yyyy-MM-dd HH:mm}Z" : "expired")
        : "active";
}
