using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind3;

/// <summary>The people, addresses and numbers the blind-3 families draw: one list of each, so the round's documents share a world.</summary>
internal static class Blind3Draws
{
    public static string Person(Draw draw) =>
        draw.Pick("Jordan", "Maria", "Tom", "Aisha", "Derek", "Linh", "Carlos", "Brianna", "Samuel", "Grace", "Tyrone", "Megan")
        + " " + draw.Pick("Ellis", "Reyes", "Nguyen", "Okafor", "Kowalski", "Patel", "Brooks", "Whitfield", "Larsen", "Moreno", "Hughes", "Castillo");

    public static (string Street, string CityStateZip) Address(Draw draw) =>
        ($"{draw.Next(100, 9_999).ToString(Inv)} {draw.Pick("Willow Bend Dr", "Oak Hollow Ln", "N Maple Ave", "Harbor View Ct", "Cedar Ridge Rd", "W 14th St")}",
         draw.Pick("Springfield, IL 62704", "Round Rock, TX 78664", "Marietta, GA 30062", "Chandler, AZ 85226", "Westerville, OH 43081", "Cary, NC 27519", "Aurora, CO 80016"));

    public static string TollFree(Draw draw) => $"1-{draw.Pick("800", "833", "844", "855", "866", "877", "888")}-{draw.Next(200, 1000).ToString(Inv)}-{draw.Next(0, 10_000).ToString("0000", Inv)}";

    public static string Digits(Draw draw, int n) => string.Concat(Enumerable.Range(0, n).Select(i => (i == 0 ? draw.Next(1, 10) : draw.Next(10)).ToString(Inv)));

    public static string OtherFour(Draw draw, string not)
    {
        var four = draw.Last4();
        return four == not ? (four[..3] + ((four[3] - '0' + 1) % 10).ToString(Inv)) : four;
    }
}
