namespace Extraction.Core.Access;

public enum AccessRefusal
{
    None,

    /// <summary>No credential, or one that is not valid (401).</summary>
    Unauthenticated,

    /// <summary>A valid credential of the wrong kind or scope for the route (403).</summary>
    Forbidden,

    /// <summary>The request names a partner its credential does not belong to (400).</summary>
    PartnerMismatch,

    /// <summary>The partner in the route is not the caller's (404: another partner's data is not found, never forbidden).</summary>
    NotFound,

    /// <summary>The partner is over one of its limits (429, with the time to wait).</summary>
    TooManyRequests,
}

/// <summary>Who the caller is, or why it is refused, in words that name the problem and never the key.</summary>
public sealed record AccessDecision(Caller? Caller, AccessRefusal Refusal, string Title, string Detail, TimeSpan? RetryAfter = null)
{
    public bool Allowed => Caller is not null;

    public static AccessDecision Allow(Caller caller) => new(caller, AccessRefusal.None, "", "");

    public static AccessDecision Refuse(AccessRefusal refusal, string title, string detail) => new(null, refusal, title, detail);

    public static AccessDecision Slow(string title, string detail, TimeSpan retryAfter) => new(null, AccessRefusal.TooManyRequests, title, detail, retryAfter);
}
