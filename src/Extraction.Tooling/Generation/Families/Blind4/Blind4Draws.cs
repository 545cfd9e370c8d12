using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind4;

/// <summary>The people, addresses, phone numbers and link codes the blind-4 families draw.</summary>
internal static class Blind4Draws
{
    public static string Person(Draw draw) =>
        draw.Pick("Maria", "James", "Tanya", "Robert", "Keisha", "Daniel", "Linh", "Carlos", "Heather", "Samuel", "Priya", "Douglas") + " " +
        draw.Pick("Gonzalez", "Whitaker", "Nguyen", "Okafor", "Brennan", "Alvarez", "Kowalski", "Patel", "Johnson", "Lindqvist", "Harper", "Reyes");

    public static string Street(Draw draw) => $"{Int(draw.Next(100, 9999))} {draw.Pick("W Maple Ct", "Oak Hollow Dr", "N 14th St", "Ridgeview Ln", "Cedar Bluff Rd", "Sycamore Ave", "E Lincoln Hwy")}";

    public static string CityStateZip(Draw draw) =>
        draw.Pick("Tinley Park, IL", "Round Rock, TX", "Gilbert, AZ", "Fishers, IN", "Marietta, GA", "Lancaster, PA", "Boise, ID", "Greenville, SC", "Dayton, OH") + " " + Int(draw.Next(10_000, 99_999));

    public static string Phone(Draw draw) => $"({Int(draw.Next(201, 990))}) {Int(draw.Next(201, 990))}-{draw.Next(0, 10000).ToString("D4", Inv)}";

    public static string TollFree(Draw draw) => $"1-{draw.Pick("800", "855", "866", "877", "888")}-{Int(draw.Next(201, 990))}-{draw.Next(0, 10000).ToString("D4", Inv)}";

    public static string ShortCode(Draw draw)
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[draw.Next(5, 8)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[draw.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
