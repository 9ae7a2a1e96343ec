using Runtime.EmulatorCli;

return await EmulatorCliApp.RunAsync(args);
