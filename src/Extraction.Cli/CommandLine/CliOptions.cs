using System.CommandLine;
using System.Globalization;
using Extraction.Cli.Local;
using Extraction.Core.Contracts;

namespace Extraction.Cli.CommandLine;

/// <summary>Options that several verbs share, each with its description, default and check.</summary>
internal static class CliOptions
{
    public static Argument<FileInfo> ExistingFile(string name, string description)
    {
        var argument = new Argument<FileInfo>(name) { Description = description };
        argument.AcceptExistingOnly();
        return argument;
    }

    public static Option<int> Whole(string name, string description, int defaultValue, int min = 1, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result => InRange(result, result.Implicit ? null : result.GetValueOrDefault<int>(), min, max));
        return option;
    }

    /// <summary>A whole number that has no default: unset means the configuration decides.</summary>
    public static Option<int?> WholeOrUnset(string name, string description, int min, int max)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(result => InRange(result, result.GetValueOrDefault<int?>(), min, max));
        return option;
    }

    public static Option<string> Partner(string description = "the partner the batch belongs to") =>
        Checked(new Option<string>("--partner") { Description = description, DefaultValueFactory = _ => "local", HelpName = "ID" }, BatchRef.IsValidPartner, BatchRef.PartnerRule);

    /// <summary>A NAME argument that must be a valid partner id (a partner's, or a reviewer's name, which follows the same rule).</summary>
    public static Argument<string> NameArgument(string description)
    {
        var name = new Argument<string>("NAME") { Description = description };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !BatchRef.IsValidPartner(value))
            {
                result.AddError($"NAME: {BatchRef.PartnerRule}; got '{value}'.");
            }
        });
        return name;
    }

    public static Option<string?> BatchId(string name = "--batch-id", string description = "the batch id (default: the file's name and a hash of its content, so a re-run resumes)") =>
        Checked(new Option<string?>(name) { Description = description, HelpName = "ID" }, BatchRef.IsValidBatchId, BatchRef.BatchIdRule);

    public static Option<string?> Engine() =>
        new Option<string?>("--engine") { Description = "the Durable engine (Durable:Engine): in-memory, or azure-storage to share a task hub with other workers" }
            .AcceptOnlyFromAmong(DurableOptions.InMemory, DurableOptions.AzureStorage);

    public static Option<int> Workers() =>
        Whole("--workers", "workers in this process (0: submit and follow while other processes work; more than 1 needs --engine azure-storage)", 1, min: 0, max: 8);

    /// <summary>A non-negative amount in USD, read the same way whatever the machine's culture.</summary>
    public static Option<decimal?> Usd(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "USD",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) && usd >= 0)
                {
                    return usd;
                }

                result.AddError($"{name} must be an amount in USD, 0 or more; got '{text}'.");
                return null;
            },
        };

    /// <summary>A benchmark's partner key (<c>extract partners add</c>), sent as <c>Authorization: Bearer</c>.</summary>
    public static Option<string> PartnerKey() =>
        new("--key") { Description = "the partner's API key (extract partners add), sent as Authorization: Bearer", Required = true, HelpName = "KEY" };

    /// <summary>The emulator's fixed latency, which a latency benchmark subtracts from each response time.</summary>
    public static Option<int> ModelLatency()
    {
        var option = Whole("--model-latency-ms", "the emulator's fixed latency, subtracted from each response time", 0, min: 0, max: 60_000);
        option.Required = true;
        return option;
    }

    /// <summary>An absolute http(s) URL (System.CommandLine has no parser of its own for <see cref="Uri"/>).</summary>
    public static Option<Uri> Url(string name, string description, Uri defaultValue) =>
        new(name)
        {
            Description = description,
            HelpName = "URL",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
                {
                    return url;
                }

                result.AddError($"{name} must be an absolute http or https URL; got '{text}'.");
                return null;
            },
        };

    /// <summary>A date (yyyy-MM-dd, taken as UTC) or an ISO 8601 time.</summary>
    public static Option<DateTimeOffset?> Instant(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    return at;
                }

                result.AddError($"{name} must be a date (yyyy-MM-dd) or an ISO 8601 time; got '{text}'.");
                return null;
            },
        };

    private static void InRange(System.CommandLine.Parsing.OptionResult result, int? value, int min, int max)
    {
        if (value is { } given && (given < min || given > max))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} must be a whole number from {min} to {max}; got {given}."));
        }
    }

    private static Option<T> Checked<T>(Option<T> option, Func<string, bool> isValid, string rule)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is string value && !isValid(value))
            {
                result.AddError($"{option.Name}: {rule}; got '{value}'.");
            }
        });
        return option;
    }
}
