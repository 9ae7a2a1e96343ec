namespace Samples.Shop;

/// <summary>Says hello; a service, so the hello function gets it by constructor injection.</summary>
public interface IGreeter
{
    /// <summary>The greeting for <paramref name="name"/>.</summary>
    string Greet(string name);
}
