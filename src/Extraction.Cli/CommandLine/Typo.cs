namespace Extraction.Cli.CommandLine;

/// <summary>The known name nearest a mistyped one, when it is near enough to be what was meant.</summary>
internal static class Typo
{
    /// <remarks>Near: a few edits apart, or one a prefix of the other (--output for --out).</remarks>
    public static string? Nearest(string typed, IEnumerable<string> known) =>
        known
            .Select(name => (Name: name, Distance: Distance(typed.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 4) || IsPrefix(typed, c.Name) || IsPrefix(c.Name, typed))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static bool IsPrefix(string shorter, string longer) =>
        shorter.TrimStart('-').Length >= 3 && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from one to the other.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
