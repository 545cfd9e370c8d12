using System.Globalization;

namespace Extraction.Cli;

/// <summary>
/// The command line: a verb, positional arguments, <c>--name value</c> options, and configuration
/// overrides written as <c>--Section:Key=value</c> (the same keys as appsettings and environment).
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    private CliArgs(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public Dictionary<string, string?> ConfigOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static CliArgs Parse(string[] args)
    {
        var parsed = new CliArgs(args.Length > 0 ? args[0] : "help");
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
                continue;
            }

            var (name, value) = arg[2..].Split('=', 2) switch
            {
                [var n, var v] => (n, v),
                [var n] when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) => (n, args[++i]),
                [var n] => (n, "true"),
                _ => throw new UsageException($"Cannot read option {arg}."),
            };
            if (name.Contains(':', StringComparison.Ordinal))
            {
                parsed.ConfigOverrides[name] = value;
            }
            else
            {
                parsed._options[name] = value;
            }
        }

        return parsed;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    public int GetInt(string name, int fallback, int min = 1, int max = int.MaxValue)
    {
        if (Get(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}; got '{text}'.");
    }
}

/// <summary>The command line is wrong: say what, show usage, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
