using System.CommandLine;

namespace Extraction.Cli.CommandLine;

/// <summary>
/// What is wrong with a command line, one line each, naming the argument: an unknown option with the
/// verb's nearest one, an unknown verb with the nearest verb; the value after an unknown option is not
/// reported again.
/// </summary>
internal static class ParseProblems
{
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        string? previous = null;
        var unknownCommand = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            var afterUnknownOption = previous is not null && previous.StartsWith('-') && !token.StartsWith('-');
            previous = token;
            if (afterUnknownOption || (unknownCommand && !token.StartsWith('-')))
            {
                continue; // the unknown option's value, or what an unknown command would have taken
            }

            if (token.StartsWith('-'))
            {
                var known = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                    .SelectMany(o => o.Aliases.Prepend(o.Name));
                yield return $"Unknown option '{token}' for '{Name(command)}'.{Suggest(token.Split('=', 2)[0], known)}";
            }
            else if (command is RootCommand || command.Subcommands.Count > 0)
            {
                unknownCommand = true;
                yield return $"Unknown command '{token}'.{Suggest(token, command.Subcommands.Select(c => c.Name))}";
            }
            else
            {
                yield return $"Unexpected argument '{token}' for '{Name(command)}'.";
            }
        }

        foreach (var error in parse.Errors.Where(e => !IsUnmatched(e.Message, unmatched)))
        {
            yield return error.Message;
        }
    }

    private static bool IsUnmatched(string message, HashSet<string> unmatched) =>
        unmatched.Any(token => message.Contains($"'{token}'", StringComparison.Ordinal));

    private static string Suggest(string typed, IEnumerable<string> known) =>
        Typo.Nearest(typed, known) is { } nearest ? $" Did you mean {nearest}?" : "";

    /// <summary>The command as typed: <c>extract review correct</c>.</summary>
    public static string Name(Command command) =>
        string.Join(' ', Chain(command).Reverse().Select(c => c is RootCommand ? "extract" : c.Name));

    private static IEnumerable<Command> Chain(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }
}
