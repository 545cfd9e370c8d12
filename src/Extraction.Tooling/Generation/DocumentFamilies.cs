using Extraction.Tooling.Generation.Families.Blind2;
using Extraction.Tooling.Generation.Families.Blind3;
using Extraction.Tooling.Generation.Families.Blind4;
using Extraction.Tooling.Generation.Families.Blind5;
using Extraction.Tooling.Generation.Families.Blind6;
using Extraction.Tooling.Generation.Families.Core;
using Extraction.Tooling.Generation.Families.Development;
using Extraction.Tooling.Generation.Families.HeldOut1;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Every family of the synthetic corpus, round by round, and the names a corpus is selected by. A family is one
/// file under <c>Families/&lt;Round&gt;/</c> and one line in its round here; a new round is a folder and an entry at
/// the end of <see cref="Rounds"/>. A corpus draws a family by walking its list with the families' weights, so
/// the order here is part of every seed's documents: a measured round is never edited.
/// </summary>
public static class DocumentFamilies
{
    public static IReadOnlyList<FamilyRound> Rounds { get; } =
    [
        // Weights add up to 100, so a core-only corpus draws the same documents it always has for a seed.
        new("core", "The first shapes, which the rules extractor and the checks were written beside: an auto-loan payoff call, payoff letters, mortgage and card statements, a student-loan portal page.", RoundStatus.Taught,
        [
            AutoPayoffCall.Family, AutoPayoffLetter.Family, MortgagePayoffLetter.Family, PersonalPayoffLetter.Family,
            MortgageStatement.Family, CardStatement.Family, StudentPortal.Family,
        ]),
        new("development", "Shapes beyond the core that the rules and checks may be developed against: figures said aloud, an e-statement saved as HTML, a card statement with several balances, a call where the agent cannot give the figure, an escrow analysis.", RoundStatus.Taught,
        [
            AutoPayoffCallSpoken.Family, MortgageStatementHtml.Family, CardStatementBalances.Family, PayoffCallNoFigure.Family, EscrowAnalysis.Family,
        ]),
        new("held-out-1", "The first held-out shapes, as other servicers, credit unions, issuers and agents write them: a portal in HTML, a ledger-style payoff, a two-column card summary, a student-loan call, a mortgage payoff call, a personal-loan page with several balances.", RoundStatus.Taught,
        [
            AutoServicerPortalHtml.Family, CreditUnionPayoffLedger.Family, CardSummaryTwoColumns.Family, StudentLoanCall.Family,
            MortgagePayoffCall.Family, PersonalLoanPortal.Family,
        ]),
        new("blind-2", "Written blind after the first fixes, by someone who had read neither the rules nor their tests: a letter quoting a reinstatement beside the payoff, a card app screen, a web chat with a bot and an agent, a bill of several student loans, a right-aligned payoff letter.", RoundStatus.Taught,
        [
            HelocReinstatementVsPayoffLetter.Family, CardMobileAppScreen.Family, AutoLoanWebChat.Family, StudentLoanMultiLoanBill.Family,
            PersonalLoanPayoffRightAligned.Family,
        ]),
        new("blind-3", "Written blind from what servicers, issuers, captive lenders and their agents put on paper, fax, phone and secure message: a CFPB-layout mortgage statement, a card IVR call, a faxed dealer payoff, a private student-loan statement, a secure-message thread, a servicing-transfer letter.", RoundStatus.Taught,
        [
            MortgageCfpbPeriodicStatement.Family, CardIvrMenuThenAgent.Family, AutoCaptivePayoffFax.Family, StudentPrivateLoanStatement.Family,
            PersonalLoanSecureMessageThread.Family, MortgageServicingTransferWelcome.Family,
        ]),
        new("blind-4", "Written blind from what servicers, issuers, credit unions, dealers and aggregators put on paper and screens: an OCR'd payoff letter, a store card with promotions, a credit union statement of several accounts, a dealer's payoff check, a text-alert thread, an aggregator's export.", RoundStatus.Taught,
        [
            OcrScannedMortgagePayoff.Family, RetailCardPromoStatement.Family, CreditUnionSuffixStatement.Family, DealerTradePayoffVerification.Family,
            LenderTextAlertThread.Family, AggregatorLiabilityExport.Family,
        ]),
        new("blind-5", "Written blind for the day-one design (issue 25), measured once before it: an e-mail thread whose newest reply changes the quote, a mortgage statement as multi-page PDF text, a live chat where the agent corrects a figure, a servicer green screen, a Spanish or bilingual letter, an SMS alert thread. Taught since: the general design was measured on it, and two classes it showed were fixed (Spanish month abbreviations, a rate written as a fraction).", RoundStatus.Taught,
        [
            PayoffEmailThread.Family, MortgageStatementPdfText.Family, LiveChatCorrection.Family, ServicerGreenScreen.Family,
            SpanishLenderLetter.Family, SmsAlertThread.Family,
        ]),
        new("blind-6", "Written blind by another author for the day-one design's acceptance, kept unread and unmeasured until the design was done: a voicemail transcript, a card statement with several APRs, a student-loan summary of several loans, an OCR'd faxed payoff, a letter about several accounts, a HELOC statement or a lease buyout quote.", RoundStatus.FirstContact,
        [
            VoicemailTranscript.Family, CardMultiAprStatement.Family, StudentLoanMultiLoan.Family, OcrFaxPayoff.Family,
            MultiAccountLetter.Family, HelocOrLeaseBuyout.Family,
        ]),
    ];

    /// <summary>
    /// The held-out part that docs/quality.md's figures, <c>extract eval-checks</c> and HeldOutFamiliesTests measure:
    /// these rounds by name, not every round whose families are <see cref="FamilySet.HeldOut"/>, so a round added
    /// later is measured on its own and moves no figure already written down.
    /// </summary>
    public static IReadOnlyList<string> HeldOutRounds { get; } = ["held-out-1", "blind-2", "blind-3", "blind-4"];

    /// <summary>Every round's families, in the rounds' order.</summary>
    public static IReadOnlyList<DocumentFamily> All { get; } = [.. Rounds.SelectMany(r => r.Families)];

    /// <summary>What <see cref="Select"/> takes: held-out (<see cref="HeldOutRounds"/>), all, or a round's name.</summary>
    public static IReadOnlyList<string> SelectionNames { get; } = ["held-out", "all", .. Rounds.Select(r => r.Name)];

    public static FamilyRound Round(string name) =>
        Rounds.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No round '{name}'; the rounds are {string.Join(", ", Rounds.Select(r => r.Name))}.", nameof(name));

    public static FamilyRound RoundOf(DocumentFamily family) => Rounds.First(r => r.Families.Contains(family));

    /// <summary>The families of the selections named (see <see cref="SelectionNames"/>), each once, in the order named.</summary>
    public static IReadOnlyList<DocumentFamily> Select(params string[] selections) =>
        [.. selections.SelectMany(RoundsOf).Distinct().SelectMany(r => r.Families)];

    /// <summary>The families of a role, in every round that has it: a round added later joins it, so what must not move is selected by name.</summary>
    public static IReadOnlyList<DocumentFamily> In(params FamilySet[] sets) => [.. All.Where(f => sets.Contains(f.Set))];

    private static IEnumerable<FamilyRound> RoundsOf(string selection) => selection switch
    {
        "all" => Rounds,
        "held-out" => HeldOutRounds.Select(Round),
        _ when Rounds.Any(r => r.Name == selection) => [Round(selection)],
        _ => throw new ArgumentException($"No selection '{selection}'; the selections are {string.Join(", ", SelectionNames)}.", nameof(selection)),
    };
}
