namespace Extraction.Cli.CommandLine;

/// <summary>
/// <c>--Section:Key=value</c> (or <c>--Section:Key value</c>) arguments: configuration overrides, the same
/// keys as appsettings.json and the environment. Taken out before the verb's own options are parsed, and
/// each key checked against what the options classes bind.
/// </summary>
internal static class ConfigOverrides
{
    /// <returns>The other arguments, the overrides, and the problems (each naming its argument).</returns>
    public static (string[] Remaining, Dictionary<string, string?> Overrides, List<string> Problems) Split(IReadOnlyList<string> args)
    {
        var rest = new List<string>(args.Count);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2)[0] : "";
            if (!name.Contains(':', StringComparison.Ordinal))
            {
                rest.Add(arg);
                continue;
            }

            string? value;
            if (arg.Length > name.Length + 2)
            {
                value = arg[(name.Length + 3)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                problems.Add($"--{name} needs a value: --{name}=VALUE.");
                continue;
            }

            if (ConfigurationKeys.Problem(name) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            overrides[name] = value;
        }

        return ([.. rest], overrides, problems);
    }
}
