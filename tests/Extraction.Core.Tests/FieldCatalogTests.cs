using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extraction.Core.Checks;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;

namespace Extraction.Core.Tests;

/// <summary>fields.v1 is defined once (<see cref="FieldCatalog"/>); everything that lists fields follows it.</summary>
public sealed class FieldCatalogTests
{
    [Fact]
    public void The_catalog_has_every_property_of_the_fields_record_once_in_contract_order_and_the_wire_names_serialisation_uses()
    {
        var properties = typeof(ExtractedFields).GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        var serialised = JsonDocument.Parse(ContractJson.Serialize(ExtractedFields.Empty)).RootElement.EnumerateObject().Select(p => p.Name);

        Assert.Equal(properties, FieldCatalog.All.Select(f => f.Name));
        Assert.Equal(serialised, FieldCatalog.All.Select(f => f.Name));
        Assert.Equal(FieldCatalog.All.Count, FieldCatalog.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void The_strict_schema_requires_exactly_the_catalog()
    {
        var schema = JsonDocument.Parse(FieldsSchema.Json.ToString()).RootElement;

        Assert.Equal(FieldCatalog.All.Select(f => f.Name), schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(FieldCatalog.All.Select(f => f.Name), schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_prompt_lists_the_catalog_and_is_still_the_versioned_prompt()
    {
        Assert.All(FieldCatalog.All, f => Assert.Contains(f.Name, ExtractionPrompt.SystemMessage, StringComparison.Ordinal));
        // The text every raw record and training example of fields-v1/prompt-2 was made with. If this
        // fails, the prompt changed: give it a new ExtractionPrompt.Version and then a new hash here.
        Assert.Equal("fields-v1/prompt-2", ExtractionPrompt.Version);
        Assert.Equal("18385107", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ExtractionPrompt.SystemMessage)))[..8]);
    }

    [Fact]
    public void Each_field_reads_and_writes_its_own_property_only()
    {
        foreach (var field in FieldCatalog.All)
        {
            object value = field.Kind switch
            {
                FieldKind.Date => new DateOnly(2026, 3, 31),
                FieldKind.Last4 => "4242",
                _ => 12.5m,
            };

            var fields = field.With(ExtractedFields.Empty, value);

            Assert.Equal(value, field.Get(fields));
            Assert.Equal(1, fields.StatedCount);
            Assert.Null(field.Get(ExtractedFields.Empty));
            Assert.Equal([field], FieldCatalog.Stated(fields).Select(s => s.Field));
        }
    }

    [Fact]
    public void The_parser_reads_every_catalog_field_from_its_kind_and_names_the_ones_missing()
    {
        Assert.True(AnswerParser.TryParse(FieldsJson.Of(), out var empty, out _));
        Assert.Equal(ExtractedFields.Empty, empty);
        Assert.False(AnswerParser.TryParse("{}", out _, out var problem));
        Assert.All(FieldCatalog.All, f => Assert.Contains($"missing key {f.Name}", problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LiabilityType.CreditCard, FieldFit.Loans, false)]
    [InlineData(LiabilityType.CreditCard, FieldFit.Cards, true)]
    [InlineData(LiabilityType.AutoLoan, FieldFit.Mortgages, false)]
    [InlineData(LiabilityType.Mortgage, FieldFit.Mortgages, true)]
    [InlineData(LiabilityType.StudentLoan, FieldFit.Any, true)]
    public void The_fit_check_follows_each_fields_fit(LiabilityType type, FieldFit fit, bool fits)
    {
        foreach (var field in FieldCatalog.All.Where(f => f.Fit == fit))
        {
            var fields = field.With(ExtractedFields.Empty, field.Kind switch { FieldKind.Date => new DateOnly(2026, 3, 31), FieldKind.Last4 => "4242", _ => (object)12.5m });
            var item = new BatchItem("a", type, null, null, new SourceDocument(SourceKind.Other, "x"));
            var result = new FieldsFitTypeCheck().Run(new CheckContext(item, fields, DocumentEvidence.Of(item)));

            Assert.Equal(fits, result!.Passed);
        }
    }
}
