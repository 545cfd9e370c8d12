using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Extraction.Core.Access;

/// <summary>
/// An API key as a partner or reviewer holds it: <c>xk_p_{id}_{secret}</c> (<c>xk_r_</c> for a reviewer). The
/// visible prefix up to the id names the key in listings and logs; the secret (30 random bytes) is shown once
/// and stored only as a salted hash.
/// </summary>
public sealed record ApiKey(CallerKind Kind, string Id, string Secret)
{
    private const string Scheme = "xk";
    private const int IdLength = 10;
    private const int SecretLength = 40;
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The part that may be shown and logged: <c>xk_p_{id}</c>.</summary>
    public string Prefix => PrefixOf(Kind, Id);

    public override string ToString() => $"{Prefix}_{Secret}";

    public static string PrefixOf(CallerKind kind, string id) => $"{Scheme}_{Letter(kind)}_{id}";

    public static ApiKey New(CallerKind kind)
    {
        var id = string.Create(IdLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
            }
        });
        return new ApiKey(kind, id, Base64Url(RandomNumberGenerator.GetBytes(30)));
    }

    /// <summary>Reads a key in its exact format; anything else is not a key (no partial matches).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ApiKey? key)
    {
        key = null;
        if (text is null || text.Length != Scheme.Length + 3 + IdLength + 1 + SecretLength)
        {
            return false;
        }

        var parts = text.Split('_', 4);
        if (parts.Length != 4 || parts[0] != Scheme || parts[2].Length != IdLength || !parts[2].All(c => IdAlphabet.Contains(c, StringComparison.Ordinal))
            || parts[3].Length != SecretLength || !parts[3].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        CallerKind? kind = parts[1] switch { "p" => CallerKind.Partner, "r" => CallerKind.Reviewer, _ => null };
        if (kind is null)
        {
            return false;
        }

        key = new ApiKey(kind.Value, parts[2], parts[3]);
        return true;
    }

    private static char Letter(CallerKind kind) => kind == CallerKind.Partner ? 'p' : 'r';

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
