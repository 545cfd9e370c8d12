using System.CommandLine;
using System.CommandLine.Invocation;

namespace Extraction.Cli.CommandLine;

/// <summary>The library's help, then the verb's examples and, at the top level, the exit codes and configuration.</summary>
internal sealed class ExamplesHelpAction(SynchronousCommandLineAction help, string topLevelNotes) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        switch (parseResult.CommandResult.Command)
        {
            case Verb { Examples.Count: > 0 } verb:
                output.WriteLine("Examples:");
                foreach (var example in verb.Examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
                break;
            case RootCommand:
                output.WriteLine(topLevelNotes);
                break;
        }

        return code;
    }
}
