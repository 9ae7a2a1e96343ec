using Runtime.ColdStart;

// Cold start and warm invoke of the published echo bootstrap (plain, and with native layers stacked onto it) and the
// two floors, against the in-process emulators.
return await ColdStartApp.RunAsync(args);
