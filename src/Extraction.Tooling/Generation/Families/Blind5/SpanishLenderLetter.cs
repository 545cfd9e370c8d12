using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>A Spanish or bilingual English/Spanish letter, statement or portal page from a US lender: payoff letters, card statements, mortgage statements and student-loan summaries.</summary>
internal static class SpanishLenderLetter
{
    public static DocumentFamily Family { get; } = new("spanish-lender-letter", FamilySet.HeldOut, 10,
        "Spanish or bilingual English/Spanish payoff letter, card or mortgage statement, or student-loan page from a US lender", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    private static readonly string[] MesesCortos = ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "oct.", "nov.", "dic."];

    private static readonly string[] AutoLenders = ["Summit Ridge Auto Finance|P.O. Box 4410, Phoenix, AZ 85072", "Cardinal Vehicle Finance|P.O. Box 9120, Dallas, TX 75265", "Sol y Mar Federal Credit Union|1450 Calle Ocho, Miami, FL 33135"];

    private static readonly string[] PersonalLenders = ["Lendwell Personal Loans|P.O. Box 7781, San Antonio, TX 78265", "Upland Consumer Finance|2200 E Camelback Rd, Phoenix, AZ 85016", "Frontera Community Bank|600 N Mesa St, El Paso, TX 79901"];

    private static readonly string[] CardIssuers = ["Crestline Bank", "Atlas Rewards Visa", "Paragon Card Services", "Banco Unido USA", "Northstar Financial"];

    private static readonly string[] MortgageServicers = ["Cornerstone Home Loan Servicing", "Lakemont Mortgage Services", "Frontera Community Bank Hipotecas", "Bayfront Mortgage Company"];

    private static readonly string[] StudentServicers = ["Aspire Student Loan Servicing", "Clearview Education Finance", "Campus Pathway Loans"];

    private static readonly string[] Names = ["María Elena Gutiérrez", "José Luis Ramírez", "Ana Sofía Morales", "Carlos Alberto Vega", "Guadalupe Hernández", "Luis Fernando Castillo", "Rosa Isela Mendoza", "Jorge Medina Ortiz"];

    private static readonly string[] Streets = ["1234 Calle Sol", "875 W Birch Ave Apt 12", "4410 S Kedzie Ave", "2091 Palm Grove Dr", "67 Mission St", "3300 Rio Grande Blvd"];

    private static readonly string[] Cities = ["Los Angeles, CA 90023", "Chicago, IL 60632", "Houston, TX 77036", "Miami, FL 33125", "San Antonio, TX 78207", "Albuquerque, NM 87102"];

    private sealed record Style(bool Latin, int DateStyle, bool Bilingual);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var bilingual = draw.OneIn(2);
        var style = new Style(Latin: !bilingual && draw.OneIn(5), DateStyle: draw.Next(4), Bilingual: bilingual);
        return draw.Next(5) switch
        {
            0 or 1 => Payoff(draw, asOf, style),
            2 => Card(draw, asOf, style),
            3 => MortgageStatement(draw, asOf, style),
            _ => Student(draw, asOf, style),
        };
    }

    private static string M(Style s, decimal v)
    {
        var text = Math.Abs(v).ToString("#,##0.00", Inv);
        if (s.Latin)
        {
            text = text.Replace(",", "\u0001", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal);
        }

        return (v < 0 ? "-" : "") + "$" + text;
    }

    private static string R(Style s, decimal rate, int decimals) => s.Latin
        ? rate.ToString(decimals == 2 ? "0.00" : "0.000", Inv).Replace('.', ',') + " %"
        : rate.ToString(decimals == 2 ? "0.00" : "0.000", Inv) + "%";

    /// <summary>A date in Spanish: "15 de diciembre de 2026", "15 dic. 2026", "12/15/2026" (US order), or day first when it cannot be misread.</summary>
    private static string F(Style s, DateOnly d, bool longForm = false)
    {
        var style = longForm ? 0 : s.DateStyle;
        if (style == 3 && (d.Day <= 12 || s.Bilingual))
        {
            style = 2;
        }

        return style switch
        {
            0 => $"{d.Day} de {Meses[d.Month - 1]} de {d.Year}",
            1 => $"{d.Day} {MesesCortos[d.Month - 1]} {d.Year}",
            2 => d.ToString("MM/dd/yyyy", Inv),
            _ => d.ToString("dd/MM/yyyy", Inv),
        };
    }

    private static string L(Style s, string en, string es) => s.Bilingual ? $"{en} / {es}" : es;

    private static string Line(string label, string value, int width = 46) => label.Length + 1 >= width ? $"{label} {value}" : label.PadRight(width) + value;

    private static SyntheticDocument Payoff(Draw draw, DateOnly asOf, Style s)
    {
        var auto = draw.OneIn(2);
        var lp = (auto ? draw.Pick(AutoLenders) : draw.Pick(PersonalLenders)).Split('|');
        var (lender, address) = (lp[0], lp[1]);
        var name = draw.Pick(Names);
        var last4 = draw.Last4();
        var principal = auto ? draw.Amount(3_000m, 36_000m) : draw.Amount(800m, 22_000m);
        var rate = Math.Round(auto ? draw.Rate(3.9m, 17.9m) : draw.Rate(8.9m, 29.9m), 2);
        var letterDate = asOf.AddDays(-draw.Next(1, 4));
        var paidTo = letterDate.AddDays(-draw.Next(5, 28));
        var good = letterDate.AddDays(int.Parse(draw.Pick("10", "10", "14", "15", "20", "30"), Inv));
        var perDiem = Math.Round(principal * rate / 36_500m, 2);
        var interest = Math.Round(perDiem * (good.DayNumber - paidTo.DayNumber), 2);
        var fee = auto ? decimal.Parse(draw.Pick("0.00", "15.00", "25.00"), Inv) : 0m;
        var lateFees = draw.OneIn(5) ? decimal.Parse(draw.Pick("15.00", "25.00", "39.00"), Inv) : 0m;
        var payoff = principal + interest + fee + lateFees;
        var monthly = Math.Round((principal / draw.Next(12, 60)) + (principal * rate / 1200m), 2);
        var nextDue = letterDate.AddDays(draw.Next(4, 28));
        var stateNext = draw.OneIn(2);
        var stateRate = draw.OneIn(2);
        var statePerDiem = draw.Next(4) != 0;
        var phone = $"1-800-555-01{draw.Next(10, 100).ToString(Inv)}";

        var sb = new StringBuilder();
        sb.Append(Inv, $"{lender}\n{address}\n{(s.Bilingual ? "Customer Service / Servicio al Cliente" : "Servicio al Cliente")}: {phone}\n\n");
        sb.Append(s.Bilingual ? $"{letterDate.ToString("MMMM d, yyyy", Inv)} / {F(s, letterDate, true)}\n\n" : $"{F(s, letterDate, true)}\n\n");
        sb.Append(Inv, $"{name}\n{draw.Pick(Streets)}\n{draw.Pick(Cities)}\n\n");
        var product = auto ? "Préstamo de auto" : "Préstamo personal";
        sb.Append(s.Bilingual
            ? $"RE: Payoff Quote / Cotización de liquidación - {(auto ? "Auto Loan" : "Personal Loan")} / {product}\nAccount ending in / Cuenta que termina en: {last4}\n\n"
            : $"Asunto: Cotización de liquidación - {product}\nNúmero de cuenta: XXXXXXX{last4}\n\n");
        sb.Append(Inv, $"Estimado(a) {name.Split(' ')[0]}:\n\n");
        if (s.Bilingual)
        {
            sb.Append("As requested, below is the amount required to pay your loan in full.\n");
        }

        sb.Append(draw.Pick(
            "Conforme a su solicitud, a continuación le indicamos el monto necesario para liquidar su préstamo en su totalidad.\n\n",
            "Gracias por su solicitud. Este es el saldo requerido para pagar por completo su cuenta.\n\n"));
        var w = s.Bilingual ? 58 : 44;
        sb.Append(Line(L(s, "Principal balance", "Saldo de capital") + ":", M(s, principal), w)).Append('\n');
        sb.Append(Line(L(s, $"Interest through {good.ToString("MM/dd", Inv)}", $"Intereses acumulados hasta el {good.Day} de {Meses[good.Month - 1]}") + ":", M(s, interest), w)).Append('\n');
        if (fee > 0)
        {
            sb.Append(Line(L(s, "Lien release fee", "Cargo por liberación del título") + ":", M(s, fee), w)).Append('\n');
        }

        if (lateFees > 0)
        {
            sb.Append(Line(L(s, "Unpaid late charges", "Cargos por pago tardío pendientes") + ":", M(s, lateFees), w)).Append('\n');
        }

        sb.Append(new string('-', w + 12)).Append('\n');
        sb.Append(Line(L(s, "Total payoff amount", draw.Pick("Saldo de pago total", "Monto total de liquidación", "Saldo total para liquidar")) + ":", M(s, payoff), w)).Append("\n\n");
        sb.Append(s.Bilingual
            ? $"This quote is valid through {good.ToString("MMMM d, yyyy", Inv)}. / Esta cotización es válida hasta el {F(s, good, true)}.\n"
            : $"Esta cotización es válida hasta el {F(s, good)}.\n");
        if (statePerDiem)
        {
            sb.Append(s.Bilingual
                ? $"Funds received after that date must include {M(s, perDiem)} per day. / Si su pago llega después de esa fecha, agregue {M(s, perDiem)} por cada día adicional (interés diario).\n"
                : $"Si el pago se recibe después de esa fecha, deberá agregar {M(s, perDiem)} por cada día adicional (interés diario o \"per diem\").\n");
        }

        if (stateRate)
        {
            sb.Append(Inv, $"{L(s, "Interest rate", "Tasa de interés")}: {R(s, rate, 2)}\n");
        }

        if (stateNext)
        {
            sb.Append(Inv, $"\n{(s.Bilingual ? "Your next payment of " + M(s, monthly) + " is due " + nextDue.ToString("MM/dd/yyyy", Inv) + ". / " : "")}Su próximo pago de {M(s, monthly)} vence el {F(s, nextDue)}. Si no liquida el préstamo antes de esa fecha, continúe realizando sus pagos mensuales.\n");
        }

        sb.Append(Inv, $"\n{(s.Bilingual ? "Send certified funds to / " : "")}Envíe fondos certificados a: {lender}, Attn: Payoff Dept., {address}. Incluya su número de cuenta.\n");
        sb.Append(draw.Pick(
            "Esta cotización reemplaza cualquier cotización anterior. Cualquier pago en exceso le será reembolsado en un plazo de 30 días.\n",
            auto ? "Los pagos con cheque personal pueden retrasar la liberación del título hasta 10 días hábiles.\n" : "Le enviaremos una carta de saldo liquidado cuando se acrediten los fondos.\n",
            "Si tiene preguntas, llámenos de lunes a viernes de 8:00 a.m. a 8:00 p.m. Se habla español.\n"));
        sb.Append(Inv, $"\nAtentamente,\n\nDepartamento de Liquidaciones{(s.Bilingual ? " / Payoff Department" : "")}\n{lender}\n\n");
        sb.Append(s.Bilingual
            ? "This communication is from a debt collector. / Esta comunicación proviene de un cobrador de deudas.\n"
            : "Esta comunicación proviene de un cobrador de deudas y cualquier información obtenida se utilizará para ese fin.\n");

        var fields = new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = good,
            PerDiem = statePerDiem ? perDiem : null,
            PrincipalBalance = principal,
            InterestRatePct = stateRate ? rate : null,
            NextPaymentAmount = stateNext ? monthly : null,
            NextPaymentDueDate = stateNext ? nextDue : null,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(auto ? LiabilityType.AutoLoan : LiabilityType.PersonalLoan, SourceKind.PayoffLetter, lender, sb.ToString(), fields);
    }

    private static SyntheticDocument Card(Draw draw, DateOnly asOf, Style s)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = 250m * draw.Next(4, 81);
        var closing = asOf.AddDays(-draw.Next(2, 10));
        var opening = closing.AddMonths(-1).AddDays(1);
        var due = closing.AddDays(draw.Next(21, 28));
        var previous = draw.Amount(0m, limit * 0.8m);
        var paymentsMade = draw.OneIn(3) ? previous : Math.Round(previous * (0.1m + (draw.Next(80) / 100m)), 2);
        var purchases = draw.Amount(15m, limit * 0.5m);
        var apr = Math.Round(draw.Rate(15.99m, 29.99m), 2);
        var interest = paymentsMade < previous ? Math.Round((previous - paymentsMade + (purchases / 2m)) * apr / 1200m, 2) : 0m;
        var fees = draw.OneIn(6) ? 39m : 0m;
        var balance = previous - paymentsMade + purchases + interest + fees;
        if (balance > limit)
        {
            purchases -= balance - limit + 25m;
            balance = previous - paymentsMade + purchases + interest + fees;
        }

        var minimum = balance < 40m ? balance : Math.Max(40m, Math.Round((balance * 0.01m) + interest + fees, 2));
        var available = limit - balance;
        var cashApr = Math.Min(apr + 5m, 29.99m);
        var name = draw.Pick(Names).ToUpperInvariant();

        var sb = new StringBuilder();
        sb.Append(Inv, $"{issuer}\n{(s.Bilingual ? "Account Statement / Estado de cuenta" : "Estado de cuenta mensual")}\n");
        sb.Append(Inv, $"{name}\n{L(s, "Account ending in", "Número de cuenta que termina en")} {last4}\n");
        sb.Append(Inv, $"{L(s, "Statement period", "Período del estado de cuenta")}: {F(s, opening)} - {F(s, closing)}\n\n");
        sb.Append(Inv, $"{L(s, "Account Summary", "Resumen de la cuenta")}\n");
        var w = s.Bilingual ? 48 : 36;
        sb.Append(Line(L(s, "Previous Balance", "Saldo anterior"), M(s, previous), w)).Append('\n');
        sb.Append(Line(L(s, "Payments and Credits", "Pagos y créditos"), "-" + M(s, paymentsMade), w)).Append('\n');
        sb.Append(Line(L(s, "Purchases", "Compras"), "+" + M(s, purchases), w)).Append('\n');
        sb.Append(Line(L(s, "Fees Charged", "Cargos cobrados"), "+" + M(s, fees), w)).Append('\n');
        sb.Append(Line(L(s, "Interest Charged", "Intereses cobrados"), "+" + M(s, interest), w)).Append('\n');
        sb.Append(Line(L(s, "New Balance", draw.Pick("Saldo nuevo", "Nuevo saldo")), M(s, balance), w)).Append('\n');
        sb.Append(Line(L(s, "Credit Limit", "Límite de crédito"), M(s, limit), w)).Append('\n');
        sb.Append(Line(L(s, "Available Credit", "Crédito disponible"), M(s, available), w)).Append("\n\n");
        sb.Append(Inv, $"{L(s, "Payment Information", "Información de pago")}\n");
        sb.Append(Line(L(s, "New Balance", "Saldo nuevo") + ":", M(s, balance), w)).Append('\n');
        sb.Append(Line(L(s, "Minimum Payment Due", "Pago mínimo") + ":", M(s, minimum), w)).Append('\n');
        sb.Append(Line(L(s, "Payment Due Date", "Fecha de vencimiento del pago") + ":", F(s, due), w)).Append("\n\n");
        sb.Append(Inv, $"{L(s, "Late Payment Warning", "Aviso de pago tardío")}: Si no recibimos su pago mínimo para la fecha de vencimiento, es posible que tenga que pagar un cargo por pago tardío de hasta {M(s, 41m)} y su APR de compras podría aumentar hasta la APR de penalización de {R(s, 29.99m, 2)}.\n\n");
        var years = balance < 500m ? 2 : draw.Next(3, 12);
        sb.Append(Inv, $"{L(s, "Minimum Payment Warning", "Aviso de pago mínimo")}: Si sólo hace el pago mínimo cada período, pagará más en intereses y tardará más en liquidar su saldo. Por ejemplo, tardará unos {years} años en pagar su saldo y pagará un total estimado de {M(s, Math.Round(balance * (1m + (apr / 100m * years / 2m)), 0))}.\n\n");
        sb.Append(Inv, $"{L(s, "Interest Charge Calculation", "Cálculo de cargos por intereses")}\n");
        sb.Append(Inv, $"{L(s, "Type of Balance", "Tipo de saldo")}   APR   {L(s, "Balance Subject to Interest Rate", "Saldo sujeto a la tasa")}   {L(s, "Interest Charge", "Cargo por intereses")}\n");
        sb.Append(Inv, $"{L(s, "Purchases", "Compras")}   {R(s, apr, 2)} (v)   {M(s, interest > 0 ? Math.Round(interest * 1200m / apr, 2) : 0m)}   {M(s, interest)}\n");
        sb.Append(Inv, $"{L(s, "Cash Advances", "Adelantos de efectivo")}   {R(s, cashApr, 2)} (v)   {M(s, 0m)}   {M(s, 0m)}\n");
        sb.Append(Inv, $"(v) = {L(s, "Variable Rate", "Tasa variable")}\n");
        sb.Append(Inv, $"{L(s, "Days in Billing Cycle", "Días en el ciclo de facturación")}: {closing.DayNumber - opening.DayNumber + 1}\n\n");
        sb.Append(Inv, $"{(s.Bilingual ? "Customer Service / Servicio al cliente" : "Servicio al cliente")}: 1-888-555-01{draw.Next(10, 100).ToString(Inv)}   {(s.Bilingual ? "Lost or stolen card / Tarjeta perdida o robada" : "Tarjeta perdida o robada")}: 1-800-555-01{draw.Next(10, 100).ToString(Inv)}\n");

        var fields = new ExtractedFields
        {
            StatementBalance = balance,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = apr,
            CreditLimit = limit,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(LiabilityType.CreditCard, SourceKind.Statement, issuer, sb.ToString(), fields);
    }

    private static SyntheticDocument MortgageStatement(Draw draw, DateOnly asOf, Style s)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var statementDate = asOf.AddDays(-draw.Next(2, 10));
        var due = new DateOnly(statementDate.Year, statementDate.Month, 1).AddMonths(1);
        var principal = draw.Amount(60_000m, 520_000m);
        var rate = 0.125m * draw.Next(22, 62);
        var interest = Math.Round(principal * rate / 1200m, 2);
        var prin = Math.Round(principal * draw.Next(8, 30) / 10_000m, 2);
        var escrowPmt = draw.Amount(150m, 950m);
        var regular = prin + interest + escrowPmt;
        var shortage = draw.OneIn(4);
        var escrow = shortage ? -draw.Amount(120m, 2_600m) : draw.Amount(300m, 6_000m);
        var lateFee = Math.Round((prin + interest) * 0.05m, 2);
        var name = draw.Pick(Names);

        var sb = new StringBuilder();
        sb.Append(Inv, $"{servicer}\n{(s.Bilingual ? "Mortgage Statement / Estado de cuenta hipotecario" : "Estado de cuenta hipotecario")}\n");
        sb.Append(Inv, $"{L(s, "Statement Date", "Fecha del estado de cuenta")}: {F(s, statementDate)}\n\n");
        sb.Append(Inv, $"{name}\n{draw.Pick(Streets)}\n{draw.Pick(Cities)}\n\n");
        var w = s.Bilingual ? 56 : 44;
        sb.Append(Line(L(s, "Loan Number", "Número de préstamo") + ":", "******" + last4, w)).Append('\n');
        sb.Append(Line(L(s, "Payment Due Date", "Fecha de vencimiento del pago") + ":", F(s, due), w)).Append('\n');
        sb.Append(Line(L(s, "Amount Due", "Monto adeudado") + ":", M(s, regular), w)).Append('\n');
        sb.Append(Inv, $"{(s.Bilingual ? $"If payment is received after {due.AddDays(15).ToString("MM/dd/yyyy", Inv)}, a {M(s, lateFee)} late fee will be charged. / " : "")}Si el pago se recibe después del {F(s, due.AddDays(15), true)}, se cobrará un cargo por pago tardío de {M(s, lateFee)}.\n\n");
        sb.Append(Inv, $"{L(s, "Account Information", "Información de la cuenta")}\n");
        sb.Append(Line(L(s, "Outstanding Principal", "Saldo de capital pendiente"), M(s, principal), w)).Append('\n');
        sb.Append(Line(L(s, "Interest Rate", "Tasa de interés"), R(s, rate, 3), w)).Append('\n');
        var escrowLabel = L(s, "Escrow Balance", "Saldo de la cuenta de depósito en garantía (escrow)");
        sb.Append(Line(escrowLabel, shortage ? M(s, escrow) + (s.Bilingual ? " (shortage / déficit)" : " (déficit)") : M(s, escrow), w)).Append('\n');
        sb.Append(Line(L(s, "Prepayment Penalty", "Multa por pago anticipado"), "No", w)).Append("\n\n");
        sb.Append(Inv, $"{L(s, "Explanation of Amount Due", "Desglose del monto adeudado")}\n");
        sb.Append(Line(L(s, "Principal", "Capital"), M(s, prin), w)).Append('\n');
        sb.Append(Line(L(s, "Interest", "Interés"), M(s, interest), w)).Append('\n');
        sb.Append(Line(L(s, "Escrow (Taxes and Insurance)", "Depósito en garantía (impuestos y seguro)"), M(s, escrowPmt), w)).Append('\n');
        sb.Append(Line(L(s, "Regular Monthly Payment", "Pago mensual regular"), M(s, regular), w)).Append('\n');
        sb.Append(Line(L(s, "Total Fees Charged", "Total de cargos"), M(s, 0m), w)).Append('\n');
        sb.Append(Line(L(s, "Total Amount Due", "Monto total adeudado"), M(s, regular), w)).Append("\n\n");
        var lastPay = statementDate.AddDays(-draw.Next(8, 25));
        sb.Append(Inv, $"{L(s, "Transaction Activity", "Actividad de transacciones")}\n");
        sb.Append(Inv, $"{F(s, lastPay)}  {L(s, "Payment received", "Pago recibido")}  {M(s, regular)}\n");
        if (shortage)
        {
            var disb = -escrow + escrowPmt + draw.Amount(200m, 1_500m);
            sb.Append(Inv, $"{F(s, lastPay.AddDays(draw.Next(1, 6)))}  {L(s, "County tax disbursement", "Pago de impuestos del condado")}  -{M(s, disb)}\n\n");
            sb.Append(Inv, $"{(s.Bilingual ? "Your escrow account has a shortage. / " : "")}Su cuenta de depósito en garantía tiene un déficit de {M(s, -escrow)}. Recibirá un análisis de su cuenta de depósito en garantía con su nuevo pago mensual.\n");
        }

        sb.Append(Inv, $"\n{(s.Bilingual ? "If you are experiencing financial difficulty, call us. / " : "")}Si tiene dificultades financieras, llámenos al 1-877-555-01{draw.Next(10, 100).ToString(Inv)}. Consejería de vivienda del HUD: 1-800-569-4287.\n");

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            EscrowBalance = escrow,
            NextPaymentAmount = regular,
            NextPaymentDueDate = due,
            InterestRatePct = rate,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(LiabilityType.Mortgage, SourceKind.Statement, servicer, sb.ToString(), fields);
    }

    private static SyntheticDocument Student(Draw draw, DateOnly asOf, Style s)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_000m, 68_000m);
        var rate = Math.Round(draw.Rate(2.75m, 8.05m), 3);
        var accrued = Math.Round(principal * rate / 36_500m * draw.Next(3, 28), 2);
        var payment = Math.Round((principal / draw.Next(90, 240)) + (principal * rate / 1200m), 2);
        var due = new DateOnly(asOf.Year, asOf.Month, draw.Next(1, 29));
        if (due <= asOf)
        {
            due = due.AddMonths(1);
        }

        var lastPaid = due.AddMonths(-1).AddDays(-draw.Next(0, 4));
        var autopay = draw.OneIn(2);

        var sb = new StringBuilder();
        sb.Append(Inv, $"{servicer} | {(s.Bilingual ? "My Account / Mi cuenta" : "Mi cuenta")} > {L(s, "Loan Summary", "Resumen del préstamo")}\n");
        sb.Append(Inv, $"{(s.Bilingual ? "Welcome / Bienvenido(a)" : "Bienvenido(a)")}, {draw.Pick(Names).Split(' ')[0]}   |   {L(s, "Sign out", "Cerrar sesión")}   |   English | Español\n\n");
        sb.Append(Inv, $"{L(s, "Account", "Cuenta")}: ...{last4}\n\n");
        var w = s.Bilingual ? 52 : 40;
        sb.Append(Line(L(s, "Principal balance", "Saldo de capital"), M(s, principal), w)).Append('\n');
        sb.Append(Line(L(s, "Accrued interest", "Interés acumulado"), M(s, accrued), w)).Append('\n');
        sb.Append(Line(L(s, "Current balance", "Saldo actual total"), M(s, principal + accrued), w)).Append('\n');
        sb.Append(Line(L(s, "Interest rate (weighted average)", "Tasa de interés (promedio ponderado)"), R(s, rate, 3), w)).Append("\n\n");
        sb.Append(Line(L(s, "Next payment amount", draw.Pick("Monto del próximo pago", "Próximo pago")), M(s, payment), w)).Append('\n');
        sb.Append(Line(L(s, "Due date", "Fecha de vencimiento"), F(s, due), w)).Append('\n');
        sb.Append(Line(L(s, "Repayment plan", "Plan de pago"), draw.Pick("Estándar", "Graduado", "Basado en ingresos (IDR)", "Extendido"), w)).Append('\n');
        sb.Append(Line(L(s, "Last payment received", "Último pago recibido"), $"{M(s, payment)} {(s.Bilingual ? "on / el" : "el")} {F(s, lastPaid)}", w)).Append('\n');
        sb.Append(Line(L(s, "Auto Pay", "Pago automático"), autopay ? $"{L(s, "Active", "Activo")} ({R(s, 0.25m, 2)} {L(s, "rate reduction", "de descuento en la tasa")})" : L(s, "Not enrolled", "No inscrito"), w)).Append("\n\n");
        sb.Append(Inv, $"{L(s, "Loans", "Préstamos")} (2)\n");
        var split = Math.Round(principal * (0.3m + (draw.Next(40) / 100m)), 2);
        sb.Append(Inv, $"  1-01  {L(s, "Direct Sub", "Directo subsidiado")}     {M(s, split)}\n");
        sb.Append(Inv, $"  1-02  {L(s, "Direct Unsub", "Directo no subsidiado")}  {M(s, principal - split)}\n\n");
        sb.Append(Inv, $"{(s.Bilingual ? "Questions? Call / ¿Preguntas? Llame al" : "¿Preguntas? Llame al")} 1-866-555-01{draw.Next(10, 100).ToString(Inv)}.\n");

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            InterestRatePct = rate,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(LiabilityType.StudentLoan, SourceKind.PortalPage, servicer, sb.ToString(), fields);
    }
}
