using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed class EnvSubstitutionTests
{
    private static ServiceSpec Read(string providerLines, params string[] variables) =>
        Some.Read("service: shop\nprovider:\n  name: aws\n" + providerLines + "functions:\n  hello:\n", variables).Spec;

    [Fact]
    public void Substitute_WholeValue_Replaced()
    {
        Assert.Equal("eu-west-1", Read("  region: ${env.REGION}\n", "REGION=eu-west-1").Provider.Region);
    }

    [Fact]
    public void Substitute_SeveralInOneValue_EachReplaced()
    {
        ServiceSpec spec = Read("  environment:\n    URL: \"https://${env.HOST}:${env.PORT}/v1\"\n", "HOST=api.example.com", "PORT=8443");

        Assert.Equal("https://api.example.com:8443/v1", spec.Provider.Environment["URL"]);
    }

    [Fact]
    public void Substitute_IntoNumberField_ParsedAfter()
    {
        Assert.Equal(512, Read("  memorySize: ${env.MEMORY}\n", "MEMORY=512").Provider.MemorySize);
    }

    [Fact]
    public void Substitute_IntoCloudName_ChoosesTheCloud()
    {
        ServiceSpec spec = Some.Read("service: shop\nprovider:\n  name: ${env.CLOUD}\nfunctions:\n  hello:\n", "CLOUD=azure").Spec;

        Assert.Equal(CloudPlatform.Azure, spec.Provider.Name);
    }

    [Fact]
    public void Substitute_EmptyVariable_IsEmptyNotMissing()
    {
        Assert.Equal("", Read("  environment:\n    SUFFIX: ${env.SUFFIX}\n", "SUFFIX=").Provider.Environment["SUFFIX"]);
    }

    [Fact]
    public void Substitute_DoubleDollar_IsALiteralReference()
    {
        Assert.Equal("${env.HOME}", Read("  environment:\n    TEMPLATE: $${env.HOME}\n").Provider.Environment["TEMPLATE"]);
    }

    [Fact]
    public void Substitute_ValueContainingAReference_NotScannedAgain()
    {
        Assert.Equal("${env.SECRET}", Read("  environment:\n    A: ${env.A}\n", "A=${env.SECRET}", "SECRET=x").Provider.Environment["A"]);
    }

    [Fact]
    public void Substitute_SubstitutedValueInvalid_ReportedAtTheValue()
    {
        string[] errors = Some.Errors("service: shop\nprovider:\n  name: aws\n  timeout: ${env.TIMEOUT}\nfunctions:\n  hello:\n", "TIMEOUT=soon");

        Assert.Equal(["f.yml:4:12: error: 'timeout' must be a whole number of seconds from 1 to 86400; got 'soon'"], errors);
    }

    [Fact]
    public void Substitute_Keys_NeverSubstituted()
    {
        string[] errors = Some.Errors("service: shop\nprovider:\n  name: aws\n  environment:\n    ${env.NAME}: x\nfunctions:\n  hello:\n", "NAME=A");

        Assert.Equal(["f.yml:5:5: error: '${env.NAME}' is not a valid environment variable name; expected a letter, then letters, digits and '_'"], errors);
    }

    [Fact]
    public void Substitute_UnsetInFoldedBlock_PointsAtTheReference()
    {
        string[] errors = Some.Errors("service: shop\nprovider:\n  name: aws\n  environment:\n    NOTE: >\n      first line\n      then ${env.WHO}\nfunctions:\n  hello:\n");

        Assert.Equal(["f.yml:7:12: error: environment variable 'WHO' is not set (referenced as '${env.WHO}')"], errors);
    }

    [Fact]
    public void Substitute_SeveralUnset_EachReported()
    {
        string[] errors = Some.Errors("service: ${env.SERVICE}\nprovider:\n  name: aws\n  region: ${env.REGION}\nfunctions:\n  hello:\n");

        Assert.Equal(
            ["f.yml:1:10: error: environment variable 'SERVICE' is not set (referenced as '${env.SERVICE}')",
             "f.yml:4:11: error: environment variable 'REGION' is not set (referenced as '${env.REGION}')"],
            errors);
    }
}
