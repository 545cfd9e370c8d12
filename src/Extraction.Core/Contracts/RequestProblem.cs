namespace Extraction.Core.Contracts;

/// <summary>What is wrong with a request, in words a partner can act on; the host picks the status code for its kind.</summary>
public sealed record RequestProblem(RequestProblemKind Kind, string Title, string Detail);

public enum RequestProblemKind
{
    /// <summary>The request breaks a rule (HTTP 400).</summary>
    Invalid,

    /// <summary>Over a size or count limit (HTTP 413).</summary>
    TooLarge,

    /// <summary>A content type that is not read (HTTP 415).</summary>
    UnsupportedType,

    /// <summary>Something the answer depends on cannot be reached; try again (HTTP 503).</summary>
    Unavailable,
}
