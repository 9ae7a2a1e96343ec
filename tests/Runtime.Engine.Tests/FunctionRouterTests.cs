using System;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class FunctionRouterTests
{
    private static FunctionRegistry Registry(params string[] names)
    {
        var registry = new FunctionRegistry();
        foreach (string name in names)
        {
            registry.AddRaw(name, _ => default);
        }
        return registry;
    }

    [Fact]
    public void Select_NameMatches_PicksIt()
    {
        FunctionRouter.Selection selection = FunctionRouter.Select(Registry("a", "b"), "b", explicitName: true);

        Assert.Equal("b", selection.Function.Name);
        Assert.Null(selection.Note);
    }

    [Fact]
    public void Select_OneFunctionNoName_PicksIt()
    {
        Assert.Equal("a", FunctionRouter.Select(Registry("a"), null, explicitName: false).Function.Name);
    }

    [Fact]
    public void Select_OneFunctionPlatformDefaultName_PicksItWithANote()
    {
        FunctionRouter.Selection selection = FunctionRouter.Select(Registry("a"), "index.main_handler", explicitName: false);

        Assert.Equal("a", selection.Function.Name);
        Assert.Contains("index.main_handler", selection.Note);
    }

    [Fact]
    public void Select_ExplicitUnknownName_FailsListingTheRegisteredOnes()
    {
        FaaSRuntimeException ex = Assert.Throws<FaaSRuntimeException>(() => FunctionRouter.Select(Registry("a"), "nope", explicitName: true));

        Assert.Equal(ErrorTypes.NoSuchHandler, ex.ErrorType);
        Assert.Equal("Handler 'nope' names no registered function. Registered: 'a'.", ex.Message);
    }

    [Fact]
    public void Select_SeveralFunctionsUnknownName_Fails()
    {
        FaaSRuntimeException ex = Assert.Throws<FaaSRuntimeException>(() => FunctionRouter.Select(Registry("a", "b"), "c", explicitName: false));

        Assert.Equal("Handler 'c' names no registered function. Registered: 'a', 'b'.", ex.Message);
    }

    [Fact]
    public void Select_SeveralFunctionsNoName_Fails()
    {
        FaaSRuntimeException ex = Assert.Throws<FaaSRuntimeException>(() => FunctionRouter.Select(Registry("a", "b"), null, explicitName: false));

        Assert.Contains("No handler name is configured", ex.Message);
    }

    [Fact]
    public void Select_NothingRegistered_Fails()
    {
        Assert.Throws<FaaSRuntimeException>(() => FunctionRouter.Select(Registry(), "a", explicitName: false));
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Registry("a", "a"));
    }
}
