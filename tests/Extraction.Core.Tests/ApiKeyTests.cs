using Extraction.Core.Access;

namespace Extraction.Core.Tests;

public sealed class ApiKeyTests
{
    [Fact]
    public void A_new_key_reads_back_as_itself_and_shows_only_its_prefix()
    {
        var key = ApiKey.New(CallerKind.Reviewer);

        Assert.True(ApiKey.TryParse(key.ToString(), out var read));
        Assert.Equal(key, read);
        Assert.StartsWith("xk_r_", key.Prefix, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, key.Prefix, StringComparison.Ordinal);
        Assert.NotEqual(key.Secret, ApiKey.New(CallerKind.Reviewer).Secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xk_p_abcdefghij")]
    [InlineData("xk_x_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("yk_p_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xk_p_ABCDEFGHIJ_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xk_p_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("xk_p_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(" xk_p_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_but_the_exact_format_is_not_a_key(string text) => Assert.False(ApiKey.TryParse(text, out _));

    [Fact]
    public void Api_management_mode_without_a_gateway_secret_stops_the_app_naming_the_setting()
    {
        var options = new AccessOptions { Mode = AccessOptions.ApiManagementMode };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(problems, p => p.ErrorMessage!.Contains("Auth:GatewaySecret", StringComparison.Ordinal));
        Assert.Contains(new AccessOptions { Mode = "key" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)), p => p.ErrorMessage!.Contains("'keys' or 'api-management'", StringComparison.Ordinal));
        Assert.Empty(new AccessOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
