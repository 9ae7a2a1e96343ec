namespace Runtime.Spec.Model;

/// <summary>The clouds a spec can target (<c>provider.name</c> in f.yml).</summary>
public enum CloudPlatform
{
    /// <summary>AWS Lambda, <c>provided.al2023</c> custom runtime: f.yml <c>aws</c>.</summary>
    Aws,

    /// <summary>Tencent Cloud SCF custom runtime: f.yml <c>tencent</c> (alias <c>scf</c>).</summary>
    Tencent,

    /// <summary>Alibaba Cloud Function Compute 3.0 custom runtime: f.yml <c>aliyun</c> (aliases <c>alibaba</c>, <c>fc</c>).</summary>
    Alibaba,

    /// <summary>Huawei Cloud FunctionGraph custom runtime: f.yml <c>huawei</c> (alias <c>fg</c>).</summary>
    Huawei,

    /// <summary>Azure Functions custom handler: f.yml <c>azure</c>.</summary>
    Azure,

    /// <summary>Knative Serving (and Google Cloud Run, which runs Knative Service manifests): f.yml <c>knative</c> (alias <c>cloudrun</c>).</summary>
    Knative,
}
