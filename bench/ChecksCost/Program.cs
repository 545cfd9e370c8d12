using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extraction.Core.Batches;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation;
using Microsoft.Extensions.Options;

// What the checks cost per account: every check on each account's right answer and on one wrong answer (a value
// swapped for another the document states), as the pipeline runs them on a student's answer and a teacher's.
// Built only from APIs every version since the families has, on the core and development families (the same
// documents in every version since), so scripts/bench-checks runs it on two trees side by side.
// Usage: ChecksCost [accounts] [seed] [rounds]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 14;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

var checker = new AnswerChecker(Options.Create(new ChecksOptions()));
var accounts = new SyntheticBatchGenerator(seed, families: DocumentFamilies.In(FamilySet.Core, FamilySet.Development)).Generate(count)
    .Select(a => (Item: BatchLineParser.Parse(Encoding.UTF8.GetBytes(a.Line)).Item, a.Gold))
    .Where(a => a.Item is not null && a.Gold is not null)
    .Select(a => (Item: a.Item!, Right: a.Gold!, Wrong: Swapped(a.Gold!)))
    .ToList();

var sink = 0;
foreach (var (item, right, wrong) in accounts)
{
    // Warm-up: every pattern compiled and tiered before timing.
    sink += checker.Run(item, right).Count(c => !c.Passed) + checker.Run(item, wrong).Count(c => !c.Passed);
}

var perAccount = new List<double>();
for (var round = 0; round < rounds; round++)
{
    var started = Stopwatch.GetTimestamp();
    foreach (var (item, right, wrong) in accounts)
    {
        sink += checker.Run(item, right).Count + checker.Run(item, wrong).Count;
    }

    perAccount.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / accounts.Count / 2);
}

perAccount.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"checks per answer: median {perAccount[perAccount.Count / 2]:F0} us over {rounds} rounds of {accounts.Count:N0} accounts x 2 answers (rounds {string.Join(", ", perAccount.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))} us; {sink} outcomes)"));

// Another value the document states in place of the first amount: the kind of answer the second opinion works on.
static ExtractedFields Swapped(ExtractedFields right) =>
    right.PayoffAmount is { } payoff ? right with { PayoffAmount = payoff + 100m }
    : right.PrincipalBalance is { } principal ? right with { PrincipalBalance = principal + 100m }
    : right with { AccountLast4 = "0000" };
