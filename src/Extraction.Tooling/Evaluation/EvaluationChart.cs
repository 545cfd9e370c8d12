using System.Globalization;
using System.Text;
using Extraction.Core.Evaluation;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// An SVG scatter of error rate (among extracted) against cost per 1,000 documents, one point per
/// configuration, its size and label giving its p95 latency: the seed's comparison at a glance.
/// </summary>
public static class EvaluationChart
{
    public const int Width = 900, Height = 480, Left = 80, Right = 250, Top = 50, Bottom = 70, LabelHeight = 34, LabelWidth = 240;

    public static string Write(IReadOnlyList<EvaluationReport> reports, string title)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var cost = AxisScale.For((double)reports.Max(r => r.CostPer1000));
        var error = AxisScale.For(reports.Max(r => r.DocumentErrorRateAmongExtracted));
        var maxP95 = Math.Max(1, reports.Max(r => r.LatencyP95Ms));
        double X(double usd) => Left + usd / cost.Max * (Width - Left - Right);
        // Zero sits a little above the axis so points on it stay clear of the tick labels.
        double Y(double rate) => Height - Bottom - 26 - rate / error.Max * (Height - Top - Bottom - 26);

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="Helvetica, Arial, sans-serif">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">{Escape(title)}</text>""");
        foreach (var tick in cost.Ticks)
        {
            svg.AppendLine(Inv($"""<line x1="{X(tick):F1}" y1="{Top}" x2="{X(tick):F1}" y2="{Height - Bottom}" stroke="#eee"/><text x="{X(tick):F1}" y="{Height - Bottom + 18}" text-anchor="middle" font-size="12" class="x-tick">${cost.Format(tick)}</text>"""));
        }

        foreach (var tick in error.Ticks)
        {
            svg.AppendLine(Inv($"""<line x1="{Left}" y1="{Y(tick):F1}" x2="{Width - Right}" y2="{Y(tick):F1}" stroke="#eee"/><text x="{Left - 8}" y="{Y(tick) + 4:F1}" text-anchor="end" font-size="12" class="y-tick">{error.Format(tick, 100)}%</text>"""));
        }

        svg.AppendLine(Inv($"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#333"/><line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#333"/>"""));
        svg.AppendLine(Inv($"""<text x="{(Left + Width - Right) / 2}" y="{Height - 22}" text-anchor="middle" font-size="13">cost per 1,000 documents (USD)</text>"""));
        svg.AppendLine(Inv($"""<text x="20" y="{(Top + Height - Bottom) / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 20 {(Top + Height - Bottom) / 2})">error rate among extracted</text>"""));
        string[] colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
        var points = reports.Select((r, i) => (Report: r, Color: colors[i % colors.Length], X: X((double)r.CostPer1000), Y: Y(r.DocumentErrorRateAmongExtracted),
            Radius: 6 + 18 * Math.Sqrt((double)r.LatencyP95Ms / maxP95))).OrderBy(p => p.X).ToList();
        foreach (var p in points)
        {
            svg.AppendLine(Inv($"""<circle cx="{p.X:F1}" cy="{p.Y:F1}" r="{p.Radius:F1}" fill="{p.Color}" fill-opacity="0.5" stroke="{p.Color}"/>"""));
        }

        // Labels go right of their point, or left where the plot ends, moved up (then down) past every other
        // label and every circle they would cover, with a leader line when they moved.
        var placed = new List<Box>();
        foreach (var p in points)
        {
            var x = p.X + p.Radius + 8 + LabelWidth <= Width - 4 ? p.X + p.Radius + 8 : p.X - p.Radius - 8 - LabelWidth;
            var box = Candidates(p.Y - 4).Select(y => new Box(x, y - 13, LabelWidth, LabelHeight))
                .FirstOrDefault(b => !placed.Any(b.Overlaps) && !points.Any(c => b.Overlaps(new Box(c.X - c.Radius, c.Y - c.Radius, 2 * c.Radius, 2 * c.Radius))))
                ?? new Box(x, p.Y - 17, LabelWidth, LabelHeight);
            placed.Add(box);
            var (labelX, labelY) = (box.X, box.Y + 13);
            if (Math.Abs(labelY - (p.Y - 4)) > 1 || labelX < p.X)
            {
                svg.AppendLine(Inv($"""<line x1="{p.X:F1}" y1="{p.Y:F1}" x2="{(labelX < p.X ? labelX + LabelWidth : labelX - 2):F1}" y2="{labelY - 4:F1}" stroke="{p.Color}" stroke-width="1"/>"""));
            }

            var r = p.Report;
            svg.AppendLine(Inv($"""<text x="{labelX:F1}" y="{labelY:F1}" font-size="13" font-weight="bold" fill="{p.Color}" class="label">{Escape(r.Variant)}</text><text x="{labelX:F1}" y="{labelY + 15:F1}" font-size="12" fill="#444">p95 {r.LatencyP95Ms} ms · errors {r.DocumentErrorRateAmongExtracted:P1} · review {r.ReviewRate + r.FailedRate:P1} · ${r.CostPer1000:F3}</text>"""));
        }

        svg.AppendLine(Inv($"""<text x="{Left}" y="{Height - 6}" font-size="11" fill="#666">circle area: p95 latency · review = needs_review + failed</text>"""));

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>Label positions from the preferred one outward: up in steps, then down, within the plot.</summary>
    private static IEnumerable<double> Candidates(double preferred)
    {
        for (var y = preferred; y >= Top + 14; y -= LabelHeight / 2.0)
        {
            yield return y;
        }

        for (var y = preferred + LabelHeight / 2.0; y <= Height - Bottom - 20; y += LabelHeight / 2.0)
        {
            yield return y;
        }
    }

    /// <summary>A rectangle in chart coordinates.</summary>
    public sealed record Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
