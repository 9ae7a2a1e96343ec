namespace Runtime.Light.Adapters.Aws;

/// <summary>
/// AWS Lambda Runtime API 2018-06-01: paths, headers and environment variable names.
/// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html and shared/docs/protocols.md section 1.
/// </summary>
internal static class AwsProtocol
{
    public const string PlatformName = "aws-lambda";

    public const string RuntimeApiEnv = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerEnv = "_HANDLER";
    public const string FunctionNameEnv = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersionEnv = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string MemorySizeEnv = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    public const string MaxConcurrencyEnv = "AWS_LAMBDA_MAX_CONCURRENCY";
    public const string LogFormatEnv = "AWS_LAMBDA_LOG_FORMAT";
    public const string LogLevelEnv = "AWS_LAMBDA_LOG_LEVEL";
    public const string TraceIdEnv = "_X_AMZN_TRACE_ID";

    public static System.ReadOnlySpan<byte> NextPath => "/2018-06-01/runtime/invocation/next"u8;
    public static System.ReadOnlySpan<byte> InitErrorPath => "/2018-06-01/runtime/init/error"u8;
    public static System.ReadOnlySpan<byte> InvocationPathPrefix => "/2018-06-01/runtime/invocation/"u8;
    public static System.ReadOnlySpan<byte> ResponseSuffix => "/response"u8;
    public static System.ReadOnlySpan<byte> ErrorSuffix => "/error"u8;

    public static System.ReadOnlySpan<byte> ErrorTypeHeader => "Lambda-Runtime-Function-Error-Type"u8;
    public static System.ReadOnlySpan<byte> InvocationIdHeader => "Lambda-Runtime-Invocation-Id"u8;
    public static System.ReadOnlySpan<byte> ContentTypeHeader => "Content-Type"u8;
    public static System.ReadOnlySpan<byte> ErrorContentType => "application/vnd.aws.lambda.error+json"u8;

    /// <summary>Error type header for an exception thrown by the user's function.</summary>
    public const string UnhandledFunctionError = "Function.Unhandled";

    /// <summary>Largest event accepted from <c>/next</c> (Lambda's own limit is 6 MB for synchronous invokes).</summary>
    public const long MaxEventBytes = 32L * 1024 * 1024;
}
