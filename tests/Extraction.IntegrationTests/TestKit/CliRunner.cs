using Extraction.Cli;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>Runs the <c>extract</c> command in-process and hands back what it printed.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
