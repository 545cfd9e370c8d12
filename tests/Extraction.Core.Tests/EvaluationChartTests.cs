using System.Globalization;
using System.Xml.Linq;
using Extraction.Core.Activities;
using Extraction.Core.Evaluation;
using Extraction.Tooling.Evaluation;

namespace Extraction.Core.Tests;

/// <summary>The evaluation chart reads at a glance: round ticks, and labels that cover neither each other nor a point.</summary>
public sealed class EvaluationChartTests
{
    [Theory]
    [InlineData(0.0437, 0.01, 0.05, 0.01)]
    [InlineData(0.43, 0.1, 0.5, 0.01)]
    [InlineData(12.3, 5, 15, 0.01)]
    [InlineData(0.0009, 0.0002, 0.001, 0.0001)]
    [InlineData(1, 0.5, 1.5, 0.01)]
    [InlineData(0, 0.005, 0.015, 0.01)]
    public void An_axis_ends_a_little_past_its_largest_value_in_round_steps(double largest, double step, double max, double least)
    {
        var axis = AxisScale.For(largest, least);

        Assert.Equal(step, axis.Step, 9);
        Assert.Equal(max, axis.Max, 9);
        Assert.True(axis.Max > largest);
        Assert.InRange(Math.Round(axis.Max / axis.Step), 2, 10);
    }

    [Fact]
    public void A_chart_of_the_free_rules_alone_has_a_cost_axis_and_no_NaN()
    {
        var svg = EvaluationChart.Write([Report("rules", 0m, 0, 20)], "t");

        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"x-tick\">$0.015<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Tick_labels_are_round_numbers_and_no_label_covers_another_or_a_point()
    {
        // Four configurations close together, as a rules/student/teacher/both run often looks.
        var reports = new[]
        {
            Report("rules", 0.00m, 0.031, 40),
            Report("student student-ft", 0.47m, 0.034, 120),
            Report("teacher teacher-large", 3.10m, 0.012, 900),
            Report("student-ft + teacher teacher-large", 0.52m, 0.013, 150),
        };

        var svg = XDocument.Parse(EvaluationChart.Write(reports, "t"));
        XNamespace ns = "http://www.w3.org/2000/svg";

        var xTicks = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "x-tick")
            .Select(t => decimal.Parse(t.Value.TrimStart('$'), CultureInfo.InvariantCulture)).ToList();
        var yTicks = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "y-tick")
            .Select(t => decimal.Parse(t.Value.TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([0m, 1m, 2m, 3m, 4m], xTicks);
        Assert.Equal([0m, 1m, 2m, 3m, 4m], yTicks);

        var circles = svg.Descendants(ns + "circle").Select(c => (X: D(c, "cx"), Y: D(c, "cy"), R: D(c, "r"))).ToList();
        var labels = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "label")
            .Select(t => new EvaluationChart.Box(D(t, "x"), D(t, "y") - 13, EvaluationChart.LabelWidth, EvaluationChart.LabelHeight)).ToList();
        Assert.Equal(4, labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.All(labels.Where((_, j) => j != i), other => Assert.False(labels[i].Overlaps(other), $"{labels[i]} overlaps {other}"));
            Assert.All(circles, c => Assert.False(labels[i].Overlaps(new EvaluationChart.Box(c.X - c.R, c.Y - c.R, 2 * c.R, 2 * c.R)), $"{labels[i]} covers the point at {c}"));
            Assert.InRange(labels[i].X + labels[i].Width, 0, EvaluationChart.Width);
        }
    }

    private static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static EvaluationReport Report(string variant, decimal costPer1000, double error, long p95) =>
        new(variant, 200, StatusCounts.Zero, 0.95, new Dictionary<string, double>(), error, 0.02, 0.0, 0.1, p95 / 2, p95, p95 * 2, costPer1000, null, []);
}
