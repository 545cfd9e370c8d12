using System.Diagnostics;
using Extraction.Core.Activities;

namespace Extraction.Cli.Commands;

/// <summary>One line of progress: rewritten in place on a terminal, a new line every 2 s otherwise (and the final state at the end).</summary>
internal sealed class ProgressDisplay(TextWriter writer)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private BatchSummary? _shown;
    private BatchSummary? _latest;

    public void Show(BatchSummary summary)
    {
        _latest = summary;
        if (summary == _shown || (!_interactive && _sinceLast.Elapsed < TimeSpan.FromSeconds(2)))
        {
            return;
        }

        Write(summary);
    }

    /// <summary>Writes the final state if it is not the one shown (the 2 s pacing held it back), and ends a terminal's line.</summary>
    public void Done(BatchSummary? final = null)
    {
        _latest = final ?? _latest;
        if (_latest is not null && _latest != _shown)
        {
            Write(_latest);
        }

        if (_interactive && _shown is not null)
        {
            writer.WriteLine();
        }
    }

    private void Write(BatchSummary summary)
    {
        _shown = summary;
        _sinceLast.Restart();
        var c = summary.Counts;
        var line = $"chunks {summary.ChunksDone}/{summary.Chunks} · accounts {c.Total}/{summary.Accounts} · extracted {c.Extracted} · needs_review {c.NeedsReview} · invalid_input {c.InvalidInput} · failed {c.Failed}";
        writer.Write(_interactive ? $"\r{line}\u001b[K" : line + Environment.NewLine);
    }
}
