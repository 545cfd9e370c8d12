using System.Diagnostics;
using Extraction.Core.Orchestration;

namespace Extraction.Cli.Commands;

/// <summary>One line of progress: rewritten in place on a terminal, a new line every 2 s otherwise.</summary>
internal sealed class ProgressDisplay(TextWriter writer)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private BatchSummary? _last;

    public void Show(BatchSummary summary)
    {
        if (summary == _last || (!_interactive && _sinceLast.Elapsed < TimeSpan.FromSeconds(2)))
        {
            return;
        }

        _last = summary;
        _sinceLast.Restart();
        var c = summary.Counts;
        var line = $"chunks {summary.ChunksDone}/{summary.Chunks} · accounts {c.Total}/{summary.Accounts} · extracted {c.Extracted} · needs_review {c.NeedsReview} · invalid_input {c.InvalidInput} · failed {c.Failed}";
        writer.Write(_interactive ? $"\r{line}\u001b[K" : line + Environment.NewLine);
    }

    public void Done()
    {
        if (_interactive && _last is not null)
        {
            writer.WriteLine();
        }
    }
}
