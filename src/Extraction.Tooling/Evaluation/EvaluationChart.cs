using System.Globalization;
using System.Text;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// An SVG scatter of error rate (among extracted) against cost per 1,000 documents, one point per
/// configuration, its size and label giving its p95 latency: the seed's comparison at a glance.
/// </summary>
public static class EvaluationChart
{
    private const int Width = 900, Height = 480, Left = 80, Right = 250, Top = 50, Bottom = 70, LabelHeight = 34, LabelWidth = 240;

    public static string Write(IReadOnlyList<EvaluationReport> reports, string title)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var maxCost = (double)Math.Max(reports.Max(r => r.CostPer1000), 0.01m) * 1.15;
        var maxError = Math.Max(reports.Max(r => r.DocumentErrorRateAmongExtracted), 0.05) * 1.15;
        var maxP95 = Math.Max(1, reports.Max(r => r.LatencyP95Ms));
        double X(double cost) => Left + cost / maxCost * (Width - Left - Right);
        // Zero sits a little above the axis so points on it stay clear of the tick labels.
        double Y(double error) => Height - Bottom - 26 - error / maxError * (Height - Top - Bottom - 26);

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="Helvetica, Arial, sans-serif">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">{Escape(title)}</text>""");
        for (var i = 0; i <= 5; i++)
        {
            var cost = maxCost * i / 5;
            var error = maxError * i / 5;
            svg.AppendLine(Inv($"""<line x1="{X(cost):F1}" y1="{Top}" x2="{X(cost):F1}" y2="{Height - Bottom}" stroke="#eee"/><text x="{X(cost):F1}" y="{Height - Bottom + 18}" text-anchor="middle" font-size="12">${cost:F3}</text>"""));
            svg.AppendLine(Inv($"""<line x1="{Left}" y1="{Y(error):F1}" x2="{Width - Right}" y2="{Y(error):F1}" stroke="#eee"/><text x="{Left - 8}" y="{Y(error) + 4:F1}" text-anchor="end" font-size="12">{error:P1}</text>"""));
        }

        svg.AppendLine(Inv($"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#333"/><line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#333"/>"""));
        svg.AppendLine(Inv($"""<text x="{(Left + Width - Right) / 2}" y="{Height - 22}" text-anchor="middle" font-size="13">cost per 1,000 documents (USD)</text>"""));
        svg.AppendLine(Inv($"""<text x="20" y="{(Top + Height - Bottom) / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 20 {(Top + Height - Bottom) / 2})">error rate among extracted</text>"""));
        string[] colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
        var placed = new List<(double X, double Y)>();
        foreach (var (r, i) in reports.Select((r, i) => (r, i)).OrderBy(p => p.r.CostPer1000))
        {
            var (x, y) = (X((double)r.CostPer1000), Y(r.DocumentErrorRateAmongExtracted));
            var radius = 6 + 18 * Math.Sqrt((double)r.LatencyP95Ms / maxP95);
            var color = colors[i % colors.Length];
            svg.AppendLine(Inv($"""<circle cx="{x:F1}" cy="{y:F1}" r="{radius:F1}" fill="{color}" fill-opacity="0.5" stroke="{color}"/>"""));

            // Labels go right of their point, stepped up past any label they would overlap, with a leader line.
            var (labelX, labelY) = (x + radius + 8, y - 4);
            while (placed.Any(p => Math.Abs(p.X - labelX) < LabelWidth && Math.Abs(p.Y - labelY) < LabelHeight))
            {
                labelY -= LabelHeight;
            }

            placed.Add((labelX, labelY));
            if (Math.Abs(labelY - (y - 4)) > 1)
            {
                svg.AppendLine(Inv($"""<line x1="{x:F1}" y1="{y:F1}" x2="{labelX - 2:F1}" y2="{labelY - 4:F1}" stroke="{color}" stroke-width="1"/>"""));
            }

            svg.AppendLine(Inv($"""<text x="{labelX:F1}" y="{labelY:F1}" font-size="13" font-weight="bold" fill="{color}">{Escape(r.Variant)}</text><text x="{labelX:F1}" y="{labelY + 15:F1}" font-size="12" fill="#444">p95 {r.LatencyP95Ms} ms · errors {r.DocumentErrorRateAmongExtracted:P1} · review {r.ReviewRate + r.FailedRate:P1} · ${r.CostPer1000:F3}</text>"""));
        }

        svg.AppendLine(Inv($"""<text x="{Left}" y="{Height - 6}" font-size="11" fill="#666">circle area: p95 latency · review = needs_review + failed</text>"""));

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
