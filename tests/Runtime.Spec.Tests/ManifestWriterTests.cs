using System.Collections.Generic;
using System.IO;
using System.Text;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed class ManifestWriterTests
{
    private static (ServiceSpec Spec, IReadOnlyList<Deployment> Plan) Full()
    {
        ServiceSpec spec = Some.Read(Some.FullYaml, "REGION=eu").Spec;
        return (spec, DeploymentPlanner.Plan(spec));
    }

    [Fact]
    public void Write_Group_MatchesTheGolden()
    {
        (ServiceSpec spec, IReadOnlyList<Deployment> plan) = Full();

        string json = Encoding.UTF8.GetString(ManifestWriter.ToUtf8Bytes(spec, plan[0]));

        Assert.Equal(
            """{"version":1,"service":"shop","group":"api","prefix":"/api","functions":[""" +
            """{"name":"hello.handler","http":[{"path":"/hello/{name}","methods":["GET"]}],"triggers":["hello-timer-1"]},""" +
            """{"name":"users","http":[{"path":"/users/{id}","methods":["GET","PUT"]}],"triggers":["users-orders"]}]}""",
            json);
    }

    [Fact]
    public void Write_LoneFunction_NoGroupNoPrefix()
    {
        (ServiceSpec spec, IReadOnlyList<Deployment> plan) = Full();

        string json = Encoding.UTF8.GetString(ManifestWriter.ToUtf8Bytes(spec, plan[1]));

        Assert.Equal(
            """{"version":1,"service":"shop","group":null,"prefix":"","functions":[{"name":"uploads","http":[],"triggers":["uploads-os-0","uploads-log-1"]}]}""",
            json);
    }

    [Fact]
    public void Write_AnyMethodAndRouteExposedTwice_EmptyMethodsListedOnce()
    {
        ServiceSpec spec = Some.Read("""
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http: {path: /hello}
                  - apigw: {path: /hello}
                  - http: {path: "/files/{key+}", method: [PUT, GET]}
                  - apigw: {path: "/files/{key+}", method: [GET, PUT]}
            """).Spec;

        string json = Encoding.UTF8.GetString(ManifestWriter.ToUtf8Bytes(spec, DeploymentPlanner.Plan(spec)[0]));

        Assert.Equal(
            """{"version":1,"service":"shop","group":null,"prefix":"","functions":[{"name":"hello","http":[{"path":"/hello","methods":[]},{"path":"/files/{key+}","methods":["PUT","GET"]}],"triggers":[]}]}""",
            json);
    }

    [Fact]
    public void WriteFile_WritesFaasManifestJsonInTheFolder()
    {
        (ServiceSpec spec, IReadOnlyList<Deployment> plan) = Full();
        string directory = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            string path = ManifestWriter.WriteFile(directory, spec, plan[0]);

            Assert.Equal(Path.Combine(directory, "faas-manifest.json"), path);
            Assert.Equal(ManifestWriter.ToUtf8Bytes(spec, plan[0]), File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
