using System.Reflection;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;

namespace Extraction.Core.Tests;

public sealed class AnswerParserTests
{
    private static readonly string Valid = FieldsJson.Of(
        ("payoffAmount", 10028.704m), ("payoffGoodThrough", "2026-04-03"), ("perDiem", 3.1m), ("escrowBalance", -312.4m), ("interestRatePct", 6.125m), ("accountLast4", "0531"));

    [Fact]
    public void A_complete_answer_reads_as_fields_with_amounts_rounded_to_cents_and_rates_as_given()
    {
        Assert.True(AnswerParser.TryParse(Valid, out var fields, out var problem), problem);

        Assert.Equal(10028.70m, fields!.PayoffAmount);
        Assert.Equal(new DateOnly(2026, 4, 3), fields.PayoffGoodThrough);
        Assert.Equal(-312.40m, fields.EscrowBalance);
        Assert.Equal(6.125m, fields.InterestRatePct);
        Assert.Equal("0531", fields.AccountLast4);
    }

    [Fact]
    public void A_markdown_fence_around_the_json_is_tolerated() =>
        Assert.True(AnswerParser.TryParse($"```json\n{Valid}\n```", out _, out _));

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("Sure! Here it is", "not valid JSON")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("""{"payoffAmount":null}""", "missing key payoffGoodThrough")]
    public void Broken_answers_are_named_not_thrown(string content, string expected)
    {
        Assert.False(AnswerParser.TryParse(content, out var fields, out var problem));
        Assert.Null(fields);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"payoffAmount\":10028.704", "\"payoffAmount\":\"10028.70\"", "payoffAmount must be a number or null")]
    [InlineData("\"payoffGoodThrough\":\"2026-04-03\"", "\"payoffGoodThrough\":\"2026-02-30\"", "payoffGoodThrough must be a yyyy-MM-dd date")]
    [InlineData("\"payoffGoodThrough\":\"2026-04-03\"", "\"payoffGoodThrough\":\"04/03/2026\"", "payoffGoodThrough must be a yyyy-MM-dd date")]
    [InlineData("\"accountLast4\":\"0531\"", "\"accountLast4\":531", "accountLast4 must be a string of exactly 4 digits")]
    [InlineData("\"accountLast4\":\"0531\"", "\"accountLast4\":\"30531\"", "accountLast4 must be a string of exactly 4 digits")]
    [InlineData("\"interestRatePct\":6.125", "\"interestRatePct\":true", "interestRatePct must be a number")]
    [InlineData("\"accountLast4\":\"0531\"", "\"accountLast4\":\"0531\",\"confidence\":0.9", "unexpected key confidence")]
    public void Wrong_types_formats_and_extra_keys_make_the_answer_unusable(string from, string to, string expected)
    {
        Assert.False(AnswerParser.TryParse(Valid.Replace(from, to, StringComparison.Ordinal), out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_requires_every_catalog_key_allows_null_for_each_and_nothing_else()
    {
        var schema = FieldsSchema.Build();

        var properties = schema["properties"]!.AsObject();
        Assert.Equal(Contracts.FieldCatalog.All.Count, properties.Count);
        Assert.Equal(properties.Select(p => p.Key), schema["required"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.All(properties, p => Assert.Contains("null", p.Value!["type"]!.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain("\"format\"", schema.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(typeof(ExtractedFields).GetProperties(BindingFlags.Public | BindingFlags.Instance).Count(p => p.Name != "StatedCount"), properties.Count);
    }
}
