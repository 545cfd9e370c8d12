namespace Extraction.Cli.CommandLine;

/// <summary>What every verb gets besides its own options: where results and progress go, and the configuration overrides.</summary>
/// <param name="Output">Results and summaries (stdout).</param>
/// <param name="Progress">Progress, notices and errors (stderr).</param>
/// <param name="Overrides">The command line's <c>--Section:Key=value</c>, already checked against the options classes.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Progress, Dictionary<string, string?> Overrides);
