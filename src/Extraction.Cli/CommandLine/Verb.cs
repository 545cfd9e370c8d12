using System.CommandLine;

namespace Extraction.Cli.CommandLine;

/// <summary>A verb of <c>extract</c>: a command whose help ends with examples.</summary>
internal sealed class Verb(string name, string description, params string[] examples) : Command(name, description)
{
    public IReadOnlyList<string> Examples { get; } = examples;

    /// <summary>The action: the verb's work with the context, returning its exit code.</summary>
    public Verb Runs(CliContext cli, Func<ParseResult, CliContext, CancellationToken, Task<int>> action)
    {
        SetAction((parse, cancellationToken) => action(parse, cli, cancellationToken));
        return this;
    }
}
