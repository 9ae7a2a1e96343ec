using System.Threading;
using Runtime.Soak;

using var cancel = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await SoakApp.RunAsync(args, System.Console.Out, cancel.Token);
